package com.kis.estimator.ocr.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.lang.Nullable;

import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.document.DocumentStatus;

/**
 * One of the caller's documents in {@code GET /api/v1/ocr/documents}: where it is, and where to go on from there.
 *
 * @param reviewUrl  Tasklist's page of its open review task, while it waits for review
 * @param estimateId the draft estimate its review made
 */
record DocumentSummary(UUID id, String fileName, DocumentStatus status, @Nullable String failureReason,
        Instant receivedAt, @Nullable Integer pageCount, @Nullable BigDecimal extractionConfidence,
        @Nullable Long estimateId, @Nullable String reviewUrl, String statusUrl) {

    static DocumentSummary of(DocumentRecord d, @Nullable String reviewUrl) {
        return new DocumentSummary(d.id(), d.fileName(), d.status(), d.failureReason(), d.receivedAt(), d.pageCount(),
                d.extractionConfidence(), d.estimateId(), reviewUrl, "/api/v1/ocr/documents/" + d.id());
    }
}
