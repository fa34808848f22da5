package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the catalog says about a product's price at the time of pricing.
 *
 * @param code         product code (품목코드)
 * @param category     product category, which volume tiers may be limited to
 * @param listPrice    list price per unit (판매단가), whole won
 * @param cost         cost per unit (원가), for the margin
 * @param priceVersion increases whenever the catalog changes this product's price or cost; stored with each
 *                     priced line so that a draft priced on old prices can be recognised
 */
public record ProductPrice(String code, String category, BigDecimal listPrice, BigDecimal cost, long priceVersion) {

    public ProductPrice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(cost, "cost");
        if (listPrice.signum() < 0 || cost.signum() < 0) {
            throw new IllegalArgumentException("prices of " + code + " must not be negative");
        }
    }
}
