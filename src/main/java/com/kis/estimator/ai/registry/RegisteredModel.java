package com.kis.estimator.ai.registry;

import java.time.Instant;

/** One row of {@code erp_ai.ml_models}. {@code metrics} is JSON. */
public record RegisteredModel(long id, String name, int version, String framework, String artifactPath,
        String checksum, String featureSchema, String metrics, int trainingRows, boolean synthetic,
        ModelStatus status, Instant createdAt, Instant activatedAt, Instant retiredAt) {
}
