package com.kis.estimator.ocr.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code erp_ai.document_processing}.
 *
 * @param sharedWith who sees and reviews it besides its sender: the sender's teams, or {@code sales} (all of
 *                   sales) for the inbox and senders outside a team; empty for documents taken in before the rule
 */
public record DocumentRecord(UUID id, String checksum, String fileName, String mediaType, long sizeBytes,
        String channel, String receivedBy, String customerCode, DocumentStatus status, String failureReason,
        Integer pageCount, BigDecimal ocrConfidence, String extraction, BigDecimal extractionConfidence,
        String processInstanceId, Long estimateId, String reviewedBy, Instant receivedAt, Instant ocrStartedAt,
        Instant ocrFinishedAt, Instant extractedAt, Instant reviewedAt, Long ocrMillis, Long extractMillis,
        List<String> sharedWith) {
}
