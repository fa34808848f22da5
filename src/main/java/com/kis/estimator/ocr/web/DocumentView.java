package com.kis.estimator.ocr.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.lang.Nullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.document.DocumentStatus;
import com.kis.estimator.ocr.document.PageRecord;

/**
 * A document as {@code GET /api/v1/ocr/documents/{id}} shows it: where it is, what was read on each page, what
 * was extracted (each field and line with its confidence) and where the time went.
 */
record DocumentView(UUID id, DocumentStatus status, String failureReason, String fileName, String mediaType,
        long sizeBytes, String checksum, String channel, String receivedBy, String customerCode, Integer pageCount,
        BigDecimal ocrConfidence, List<Page> pages, String text, JsonNode extraction, BigDecimal extractionConfidence,
        Long estimateId, String reviewedBy, String processInstanceId, Timings timings, String fileUrl,
        @Nullable String reviewUrl) {

    record Page(int number, int width, int height, int dpi, BigDecimal skewDegrees, BigDecimal ocrConfidence,
            long prepareMs, long ocrMs, String text, String imageUrl) {
    }

    /** @param msPerPage the engines' time per page, averaged over the document */
    record Timings(Instant receivedAt, Instant ocrStartedAt, Instant ocrFinishedAt, Instant extractedAt,
            Instant reviewedAt, Long ocrMs, Long extractMs, Long msPerPage) {
    }

    static DocumentView of(DocumentRecord d, List<PageRecord> pages, JsonNode extraction, @Nullable String reviewUrl) {
        String base = "/api/v1/ocr/documents/" + d.id();
        List<Page> views = pages.stream().map(p -> new Page(p.number(), p.width(), p.height(), p.dpi(),
                p.skewDegrees(), p.ocrConfidence(), p.prepareMillis(), p.ocrMillis(), p.text(),
                base + "/pages/" + p.number() + "/image")).toList();
        String text = pages.isEmpty() ? null : String.join("\n\f\n", pages.stream().map(PageRecord::text).toList());
        Long perPage = pages.isEmpty() ? null
                : Math.round(pages.stream().mapToLong(PageRecord::ocrMillis).average().orElse(0));
        return new DocumentView(d.id(), d.status(), d.failureReason(), d.fileName(), d.mediaType(), d.sizeBytes(),
                d.checksum(), d.channel(), d.receivedBy(), d.customerCode(), d.pageCount(), d.ocrConfidence(), views,
                text, extraction, d.extractionConfidence(), d.estimateId(), d.reviewedBy(), d.processInstanceId(),
                new Timings(d.receivedAt(), d.ocrStartedAt(), d.ocrFinishedAt(), d.extractedAt(), d.reviewedAt(),
                        d.ocrMillis(), d.extractMillis(), perPage),
                base + "/file", reviewUrl);
    }
}
