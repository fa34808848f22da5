package com.kis.estimator.ocr.engine;

/**
 * One page as Tesseract takes it: 8-bit grey pixels, row by row without padding, and the resolution it was
 * scanned or rendered at (Tesseract's guess from the pixels alone is often wrong, and accuracy collapses then).
 */
public record GreyPage(int width, int height, int dpi, byte[] pixels) {

    public GreyPage {
        if (width <= 0 || height <= 0 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " page needs " + (long) width * height
                    + " grey bytes, got " + pixels.length);
        }
    }
}
