package com.kis.estimator.ocr.engine;

/** Every engine is busy and the queue stayed full for as long as a caller may wait: try again later. */
public class OcrBusy extends RuntimeException {

    public OcrBusy(String message) {
        super(message);
    }
}
