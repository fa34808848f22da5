package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer's agreed unit price for one product from its price list (단가표), valid from {@code validFrom}
 * to {@code validTo} inclusive; an open end ({@code null}) means until further notice.
 */
public record ContractPrice(String priceListCode, BigDecimal price, LocalDate validFrom, LocalDate validTo) {

    public ContractPrice {
        Objects.requireNonNull(priceListCode, "priceListCode");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(validFrom, "validFrom");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a contract price must not be negative");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo " + validTo + " is before validFrom " + validFrom);
        }
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
