package com.kis.estimator.ocr.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document intake (docs/ocr.md, docs/configuration.md).
 *
 * @param required       a missing Tesseract stops the start-up (production); otherwise the application starts,
 *                       health reports the OCR DOWN and uploads are answered 503
 * @param tessdata       the folder with {@code kor.traineddata} and {@code eng.traineddata}
 * @param languages      Tesseract's language string
 * @param pageSegmentationMode 4 keeps table rows on one line
 * @param workers        engines, each on its own thread; one per core is the most that helps
 * @param queueCapacity  pages waiting for an engine; a reader finding it full waits up to {@code queueWait}
 * @param dpi            PDFs are rendered at this resolution; images that do not declare theirs are taken as it
 * @param maxFileSize    larger uploads are refused (413)
 * @param maxPages       documents with more pages are refused
 * @param maxPagePixels  larger pages are refused from their header, before decoding (decompression bombs)
 * @param previewWidth   the width of the page images kept for the reviewer
 * @param maxDocumentsPerSenderPerDay documents one user may send in within 24 hours (each is stored with its
 *                       pages); more are refused with 429 until the oldest of them is a day old. The inbox has none
 */
@ConfigurationProperties("kis.ocr")
public record OcrProperties(
        @DefaultValue("false") boolean required,
        @DefaultValue("/usr/share/tesseract-ocr/5/tessdata") Path tessdata,
        @DefaultValue("kor+eng") String languages,
        @DefaultValue("4") int pageSegmentationMode,
        @DefaultValue("2") int workers,
        @DefaultValue("8") int queueCapacity,
        @DefaultValue("60s") Duration queueWait,
        @DefaultValue("300") int dpi,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("20") int maxPages,
        @DefaultValue("40000000") long maxPagePixels,
        @DefaultValue("900") int previewWidth,
        @DefaultValue("200") int maxDocumentsPerSenderPerDay) {
}
