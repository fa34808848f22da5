package com.kis.estimator.ocr.reading;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.kis.estimator.ocr.settings.OcrProperties;

/**
 * {@code /actuator/health/ocr}: the engine and its languages, the pool (workers, busy, queued) and the OpenMP
 * thread limit the engines run under; DOWN with the reason when Tesseract is missing.
 */
@Component("ocr")
class OcrHealth implements HealthIndicator {

    private final OcrReading reading;
    private final OcrProperties properties;

    OcrHealth(OcrReading reading, OcrProperties properties) {
        this.reading = reading;
        this.properties = properties;
    }

    @Override
    public Health health() {
        return reading.status().map(status -> Health.up()
                .withDetail("engine", status.engine())
                .withDetail("languages", status.languages())
                .withDetail("tessdata", properties.tessdata().toString())
                .withDetail("workers", status.workers())
                .withDetail("busy", status.busy())
                .withDetail("queued", status.queued())
                .withDetail("queueCapacity", status.capacity())
                .withDetail("ompThreadLimit", String.valueOf(status.openMpThreadLimit()))
                .build())
                .orElseGet(() -> Health.down().withDetail("reason", reading.unavailable().orElse("unknown")).build());
    }
}
