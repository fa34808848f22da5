package com.kis.estimator.ocr.reading;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.kis.estimator.ocr.engine.OcrEngineUnavailable;
import com.kis.estimator.ocr.engine.OcrEngines;
import com.kis.estimator.ocr.engine.TesseractSettings;
import com.kis.estimator.ocr.imaging.DocumentPages;
import com.kis.estimator.ocr.imaging.DocumentRefused;
import com.kis.estimator.ocr.imaging.ImagingLimits;
import com.kis.estimator.ocr.settings.OcrProperties;

/**
 * The application's OCR: the engine pool, started with the application (loading Korean takes most of a second
 * per engine, so it is done once), and the document reader over it. When Tesseract is missing the start fails
 * with what to install if {@code kis.ocr.required}; otherwise the OCR stays unavailable, says why, and the rest
 * of the application runs.
 */
@Component
public class OcrReading implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OcrReading.class);

    private final OcrEngines engines;
    private final DocumentReader reader;
    private final ImagingLimits limits;
    private final String unavailable;

    OcrReading(OcrProperties properties) {
        ImagingLimits limits = new ImagingLimits(properties.dpi(), properties.maxPages(), properties.maxPagePixels());
        OcrEngines started = null;
        String reason = null;
        try {
            started = OcrEngines.start(new TesseractSettings(properties.tessdata(), properties.languages(),
                    properties.pageSegmentationMode()), properties.workers(), properties.queueCapacity(),
                    properties.queueWait());
            log.info("OCR: {} with {} on {} engines", started.status().engine(), properties.languages(),
                    properties.workers());
        } catch (OcrEngineUnavailable e) {
            if (properties.required()) {
                throw e;
            }
            reason = e.getMessage();
            log.warn("OCR unavailable, document intake refuses uploads until this is fixed: {}", reason);
        }
        this.engines = started;
        this.unavailable = reason;
        this.reader = started == null ? null : new DocumentReader(started, limits, properties.previewWidth());
        this.limits = limits;
    }

    /** Kind, pages and sizes from the headers alone; works without Tesseract. */
    public int inspect(byte[] content) throws DocumentRefused {
        try (DocumentPages pages = DocumentPages.open(content, limits)) {
            return pages.count();
        }
    }

    public List<ReadPage> read(byte[] content) throws DocumentRefused {
        return reader().read(content);
    }

    public Optional<OcrEngines.Status> status() {
        return Optional.ofNullable(engines).map(OcrEngines::status);
    }

    /** Why the OCR cannot run, when it cannot. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    private DocumentReader reader() {
        if (reader == null) {
            throw new OcrEngineUnavailable(unavailable);
        }
        return reader;
    }

    @Override
    public void destroy() {
        if (engines != null) {
            engines.close();
        }
    }
}
