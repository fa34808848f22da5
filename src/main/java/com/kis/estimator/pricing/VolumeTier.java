package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A volume discount (수량 할인): from {@code minQuantity} units on one line, {@code discountRate} % off. Tiers
 * without a category form the general scale; a category with tiers of its own uses only its own scale (cables
 * sold by the metre need other steps than breakers sold by the piece).
 */
public record VolumeTier(String category, BigDecimal minQuantity, BigDecimal discountRate) {

    public VolumeTier {
        Objects.requireNonNull(minQuantity, "minQuantity");
        Percent.requireDiscount(Objects.requireNonNull(discountRate, "discountRate"), "tier discount");
        if (minQuantity.signum() <= 0) {
            throw new IllegalArgumentException("minQuantity must be positive, was " + minQuantity);
        }
    }

    /** The discount % the highest reached tier gives a line, or zero when no tier is reached. */
    static BigDecimal rateFor(List<VolumeTier> tiers, String category, BigDecimal quantity) {
        boolean ownScale = category != null && tiers.stream().anyMatch(tier -> category.equals(tier.category));
        String scale = ownScale ? category : null;
        return tiers.stream()
                .filter(tier -> Objects.equals(tier.category, scale))
                .filter(tier -> quantity.compareTo(tier.minQuantity) >= 0)
                .max(Comparator.comparing(VolumeTier::minQuantity))
                .map(VolumeTier::discountRate)
                .orElse(BigDecimal.ZERO);
    }
}
