package com.kis.estimator.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the API shows it. */
public record ProductResponse(String code, String name, String spec, String category, String unit,
        BigDecimal listPrice, BigDecimal cost, boolean active, long priceVersion, boolean demo, Instant updatedAt) {

    static ProductResponse of(Product product) {
        return new ProductResponse(product.getCode(), product.getName(), product.getSpec(), product.getCategory(),
                product.getUnit(), product.getListPrice(), product.getCost(), product.isActive(),
                product.getPriceVersion(), product.isDemo(), product.getUpdatedAt());
    }
}
