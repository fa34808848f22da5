package com.kis.estimator.ocr.inbox;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OCR inbox (camel-routes/ocr-inbox.yaml): scans and PDFs dropped into {@code directory} are taken in as
 * documents and moved to {@code done/} or {@code error/} with a report.
 */
@ConfigurationProperties("kis.ocr.inbox")
public record OcrInboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/ocr-inbox") Path directory,
        @DefaultValue("5000") long pollDelay) {
}
