package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the calculation needs: the lines, the estimate-level discount, the volume tiers in force and the
 * pricing date on which contract prices must be valid.
 */
public record EstimateToPrice(LocalDate pricingDate, List<LineToPrice> lines, BigDecimal discountRate,
        List<VolumeTier> volumeTiers) {

    public EstimateToPrice {
        Objects.requireNonNull(pricingDate, "pricingDate");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        discountRate = Percent.requireDiscount(discountRate, "estimate discount");
        volumeTiers = volumeTiers == null ? List.of() : List.copyOf(volumeTiers);
    }
}
