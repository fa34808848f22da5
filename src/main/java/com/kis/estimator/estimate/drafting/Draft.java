package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a sales person asks for: customer, validity, estimate discount, note and lines. Either the lines or a
 * template to take them from.
 */
public record Draft(String customerCode, LocalDate validUntil, BigDecimal discountRate, String note,
        List<Line> items, Long templateId) {

    public record Line(String productCode, BigDecimal quantity, BigDecimal discountRate, String note) {
    }
}
