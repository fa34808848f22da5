package com.kis.estimator.ai.training;

import com.kis.estimator.ai.features.FeatureSchema;

/**
 * A trained logistic regression: p(won) = σ(b + Σ wᵢ·zᵢ) with zᵢ the normalised features. This Java forward
 * pass is the reference the served TensorFlow graph is checked against.
 */
public record WinModelParameters(FeatureSchema schema, Normalization normalization, double[] weights, double bias) {

    public double probability(double[] raw) {
        return sigmoid(logit(raw));
    }

    public double logit(double[] raw) {
        double[] z = normalization.apply(raw);
        double sum = bias;
        for (int i = 0; i < z.length; i++) {
            sum += weights[i] * z[i];
        }
        return sum;
    }

    /** How far each feature moved the log-odds away from an average estimate's: wᵢ·zᵢ. */
    public double[] contributions(double[] raw) {
        double[] z = normalization.apply(raw);
        double[] contributions = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            contributions[i] = weights[i] * z[i];
        }
        return contributions;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
