package com.kis.estimator.ai.training;

/** The history cannot give a model worth having; the message says why. */
public class TrainingRefused extends RuntimeException {

    public TrainingRefused(String message) {
        super(message);
    }
}
