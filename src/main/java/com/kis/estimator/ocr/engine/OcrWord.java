package com.kis.estimator.ocr.engine;

/**
 * A word Tesseract read, where it stands on the page (pixels) and how sure it was (0–100). Block, paragraph and
 * line numbers are Tesseract's layout analysis: words with the same three numbers are on one text line.
 */
public record OcrWord(String text, int left, int top, int width, int height, double confidence, int block,
        int paragraph, int line) {

    public int right() {
        return left + width;
    }

    public int centreY() {
        return top + height / 2;
    }

    public boolean sameLine(OcrWord other) {
        return block == other.block && paragraph == other.paragraph && line == other.line;
    }
}
