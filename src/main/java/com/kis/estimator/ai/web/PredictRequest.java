package com.kis.estimator.ai.web;

import java.util.Map;

/**
 * What to score: an existing estimate ({@code estimateId}, its current revision) or features given by name
 * (GET /api/v1/ai/models shows the schema). Exactly one of the two.
 */
record PredictRequest(Long estimateId, Map<String, Object> features) {
}
