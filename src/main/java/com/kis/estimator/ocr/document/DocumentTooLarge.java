package com.kis.estimator.ocr.document;

/** The file is larger than {@code kis.ocr.max-file-size}. */
public class DocumentTooLarge extends Exception {

    public DocumentTooLarge(String message) {
        super(message);
    }
}
