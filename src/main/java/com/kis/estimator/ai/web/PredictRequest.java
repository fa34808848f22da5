package com.kis.estimator.ai.web;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

/** The features to score, by name (GET /api/v1/ai/models shows the active model's schema). */
record PredictRequest(@NotNull Map<String, Object> features) {
}
