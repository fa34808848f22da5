package com.kis.estimator.estimate.quote;

import java.math.BigDecimal;

/** A line to price: product, quantity and the manual discount %. */
public record QuoteLine(String productCode, BigDecimal quantity, BigDecimal discountRate) {
}
