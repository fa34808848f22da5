package com.kis.estimator.ocr.imaging;

/**
 * The file is no document the OCR can read: not a PDF or image by its content, empty, corrupt, locked by a
 * password, or beyond a limit. The message is for the person who sent it.
 */
public class DocumentRefused extends Exception {

    public DocumentRefused(String message) {
        super(message);
    }

    public DocumentRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
