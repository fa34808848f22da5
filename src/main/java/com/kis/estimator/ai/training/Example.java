package com.kis.estimator.ai.training;

/** One closed estimate as the trainer sees it: its feature vector and whether it was won. */
public record Example(double[] features, boolean won) {
}
