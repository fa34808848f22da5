package com.kis.estimator.ocr.document;

/** Where a document is: RECEIVED → OCR_DONE → EXTRACTED → REVIEWED, or FAILED with a reason. */
public enum DocumentStatus {
    RECEIVED, OCR_DONE, EXTRACTED, REVIEWED, FAILED
}
