package com.kis.estimator.ocr.extraction;

/**
 * One item row as read, before matching: the text of each cell.
 *
 * @param quantity           the quantity's digits, OCR look-alikes folded; null when none was read
 * @param quantityConfidence Tesseract's confidence in the quantity word, 0–1
 * @param unit               the unit as written, when it is a unit at all
 */
record TableRow(int page, String text, String code, String description, String quantity, double quantityConfidence,
        String unit) {
}
