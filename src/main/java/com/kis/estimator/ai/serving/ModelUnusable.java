package com.kis.estimator.ai.serving;

/** A model artifact that cannot serve: TensorFlow refuses it, or it does not match its checksum. */
public class ModelUnusable extends RuntimeException {

    public ModelUnusable(String message) {
        super(message);
    }

    public ModelUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
