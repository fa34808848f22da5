package com.kis.estimator.ocr.engine;

/** Tesseract cannot run here: the library or its language data is missing. The message says what to install. */
public class OcrEngineUnavailable extends RuntimeException {

    public OcrEngineUnavailable(String message) {
        super(message);
    }

    public OcrEngineUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
