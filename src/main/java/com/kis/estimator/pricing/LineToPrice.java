package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One estimate line as the sales person entered it, with what the catalog knows about its product.
 *
 * @param product        the product's list price, cost and price version
 * @param quantity       units, more than zero
 * @param discountRate   the sales person's manual line discount, 0–100 %
 * @param contractPrices the customer's price list entries for this product (any validity); may be empty
 */
public record LineToPrice(ProductPrice product, BigDecimal quantity, BigDecimal discountRate,
        List<ContractPrice> contractPrices) {

    public LineToPrice {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity of " + product.code() + " must be positive");
        }
        discountRate = Percent.requireDiscount(discountRate, "line discount");
        contractPrices = contractPrices == null ? List.of() : List.copyOf(contractPrices);
    }
}
