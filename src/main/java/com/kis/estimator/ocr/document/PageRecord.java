package com.kis.estimator.ocr.document;

import java.math.BigDecimal;

/** One row of {@code erp_ai.document_pages}: what was read on a page. {@code words} is JSON. */
public record PageRecord(int number, int width, int height, int dpi, BigDecimal skewDegrees,
        BigDecimal ocrConfidence, long prepareMillis, long ocrMillis, String text, String words) {
}
