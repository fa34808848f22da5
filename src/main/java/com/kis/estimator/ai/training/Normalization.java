package com.kis.estimator.ai.training;

import java.util.List;

/**
 * Centres and scales each feature by the training set's mean and standard deviation, so that gradient descent
 * moves every weight at a comparable pace and the weights compare as contributions. A constant feature keeps a
 * scale of 1.
 */
public record Normalization(double[] mean, double[] scale) {

    public static Normalization of(List<Example> examples, int size) {
        double[] mean = new double[size];
        double[] scale = new double[size];
        for (Example example : examples) {
            for (int i = 0; i < size; i++) {
                mean[i] += example.features()[i];
            }
        }
        for (int i = 0; i < size; i++) {
            mean[i] /= examples.size();
        }
        for (Example example : examples) {
            for (int i = 0; i < size; i++) {
                double d = example.features()[i] - mean[i];
                scale[i] += d * d;
            }
        }
        for (int i = 0; i < size; i++) {
            double deviation = Math.sqrt(scale[i] / examples.size());
            scale[i] = deviation > 1e-9 ? 1 / deviation : 1;
        }
        return new Normalization(mean, scale);
    }

    public double[] apply(double[] raw) {
        double[] z = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            z[i] = (raw[i] - mean[i]) * scale[i];
        }
        return z;
    }
}
