package com.kis.estimator.ai.model;

import com.kis.estimator.ai.features.FeatureSchema;
import com.kis.estimator.ai.training.Evaluation;

/**
 * {@code model.json} beside the SavedModel: what the graph alone does not say. The feature schema and
 * normalisation to build its input, the weights to explain a score, and how it did on held-out data.
 */
public record ModelFile(String name, int version, FeatureSchema schema, double[] mean, double[] scale,
        double[] weights, double bias, Evaluation evaluation, int trainingRows, boolean synthetic) {
}
