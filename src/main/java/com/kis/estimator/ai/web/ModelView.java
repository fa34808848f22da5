package com.kis.estimator.ai.web;

import java.time.Instant;

import org.springframework.lang.Nullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.ai.registry.ModelStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/** One trained model: its metrics on held-out data, its feature schema, and its life. */
record ModelView(String name, int version, ModelStatus status, String framework, String checksum, int trainingRows,
        boolean synthetic,
        @Schema(type = "object", description = "auc, logLoss and the counts they were measured on") JsonNode metrics,
        @Schema(type = "object", description = "The features the model reads, in order") JsonNode featureSchema,
        Instant createdAt, @Nullable Instant activatedAt, @Nullable Instant retiredAt) {
}
