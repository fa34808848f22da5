package com.kis.estimator.ocr.reading;

import com.kis.estimator.ocr.engine.RecognizedPage;

/**
 * One page read: its size, how far it was turned back, what the engine read, a reduced PNG of the straightened
 * page for the reviewer, and where the time went.
 */
public record ReadPage(int number, int width, int height, int dpi, double skewDegrees, RecognizedPage recognized,
        byte[] preview, long prepareMillis) {
}
