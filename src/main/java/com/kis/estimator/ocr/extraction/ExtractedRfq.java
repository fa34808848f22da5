package com.kis.estimator.ocr.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What was read from an RFQ or PO, each part with how sure the reading is (0–1), for a person to confirm.
 *
 * @param confidence the mean of the lines' confidences; 0 without lines
 */
public record ExtractedRfq(Field<String> documentNumber, Field<LocalDate> documentDate, CustomerRead customer,
        List<Line> lines, double confidence) {

    public record Field<T>(T value, double confidence) {

        static <T> Field<T> none() {
            return new Field<>(null, 0);
        }
    }

    /**
     * @param code      the catalog customer, null when none was recognised
     * @param read      what on the page identified it (a registration number or a name)
     * @param matchedBy {@code REGISTRATION_NUMBER}, {@code NAME}, {@code GIVEN} (the uploader named it) or
     *                  {@code NONE}
     */
    public record CustomerRead(String code, String name, String read, String matchedBy, double confidence) {
    }

    /**
     * One item line.
     *
     * @param productCode the best catalog match, null when nothing fits
     * @param read        the row's text as OCR gave it
     * @param unitRead    whether the unit was on the page; otherwise it is the product's
     * @param candidates  the best few matches, best first
     */
    public record Line(int number, int page, String read, String productCode, String productName,
            String description, BigDecimal quantity, String unit, boolean unitRead, double confidence,
            List<Candidate> candidates) {
    }

    public record Candidate(String productCode, String name, double score) {
    }
}
