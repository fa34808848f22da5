package com.kis.estimator.estimate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the win model reads from an estimate's current revision.
 *
 * @param largestDiscountRate the largest manual discount, line or estimate level, in %
 * @param marginRate          overall margin in % of the supply amount
 * @param revision            how many revisions the estimate has had
 */
public record ScoringFacts(long estimateId, String number, EstimateStatus status, String customerCode,
        String customerTier, BigDecimal total, BigDecimal largestDiscountRate, BigDecimal marginRate,
        LocalDate pricingDate, LocalDate validUntil, int revision, List<Line> lines) {

    public record Line(String productCode, BigDecimal quantity, BigDecimal discountRate, BigDecimal netAmount) {
    }
}
