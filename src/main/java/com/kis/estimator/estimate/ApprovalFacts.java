package com.kis.estimator.estimate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What approval routing and the approval tasks need to know about an estimate's current revision.
 *
 * @param largestDiscountRate the largest manual discount, line or estimate level, in %
 * @param marginRate          overall margin in % of the supply amount
 */
public record ApprovalFacts(long estimateId, String number, int revision, String owner, EstimateStatus status,
        String customerName, String customerTier, BigDecimal total, BigDecimal largestDiscountRate,
        BigDecimal marginRate, LocalDate validUntil, boolean pricesStale) {
}
