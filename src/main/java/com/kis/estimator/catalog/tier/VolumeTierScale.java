package com.kis.estimator.catalog.tier;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** All volume tiers, read and written as one scale. */
public record VolumeTierScale(@NotNull @Size(max = 500) List<@Valid @NotNull Tier> tiers) {

    /**
     * @param category     {@code null} for the general scale
     * @param minQuantity  the tier applies from this many units on a line
     * @param discountRate % off
     */
    public record Tier(
            @Size(max = 40) String category,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3)
            BigDecimal minQuantity,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountRate) {
    }

    static VolumeTierScale of(List<VolumeTierRow> rows) {
        return new VolumeTierScale(rows.stream()
                .map(row -> new Tier(row.getCategory(), row.getMinQuantity().stripTrailingZeros(),
                        row.getDiscountRate().stripTrailingZeros()))
                .toList());
    }
}
