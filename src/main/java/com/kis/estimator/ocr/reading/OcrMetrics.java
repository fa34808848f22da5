package com.kis.estimator.ocr.reading;

import java.util.List;

import org.springframework.stereotype.Component;

import com.kis.estimator.ocr.engine.OcrEngines;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operations watch on the OCR: {@code kis_ocr_pages_total} (its rate is pages per second),
 * {@code kis_ocr_page_seconds} (the engine's time per page), {@code kis_ocr_queue_depth} and
 * {@code kis_ocr_engines_busy}, and {@code kis_ocr_extraction_confidence} per document.
 */
@Component
public class OcrMetrics {

    private final Counter pages;
    private final Timer pageTime;
    private final Timer prepareTime;
    private final DistributionSummary confidence;

    OcrMetrics(MeterRegistry registry, OcrReading reading) {
        this.pages = Counter.builder("kis.ocr.pages").description("Pages read by the OCR").register(registry);
        this.pageTime = Timer.builder("kis.ocr.page").description("Recognition time per page, on an engine")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.prepareTime = Timer.builder("kis.ocr.page.prepare")
                .description("Rendering, despeckling and deskewing per page").register(registry);
        this.confidence = DistributionSummary.builder("kis.ocr.extraction.confidence")
                .description("Mean line confidence of an extracted document (0-1)").register(registry);
        Gauge.builder("kis.ocr.queue.depth", reading, r -> r.status().map(OcrEngines.Status::queued).orElse(0))
                .description("Pages waiting for an OCR engine").register(registry);
        Gauge.builder("kis.ocr.queue.capacity", reading, r -> r.status().map(OcrEngines.Status::capacity).orElse(0))
                .description("Pages that may wait for an engine; beyond, intake waits").register(registry);
        Gauge.builder("kis.ocr.engines.busy", reading, r -> r.status().map(OcrEngines.Status::busy).orElse(0))
                .description("OCR engines reading a page now").register(registry);
    }

    public void read(List<ReadPage> read) {
        for (ReadPage page : read) {
            pages.increment();
            pageTime.record(java.time.Duration.ofMillis(page.recognized().millis()));
            prepareTime.record(java.time.Duration.ofMillis(page.prepareMillis()));
        }
    }

    public void extracted(double meanConfidence) {
        confidence.record(meanConfidence);
    }
}
