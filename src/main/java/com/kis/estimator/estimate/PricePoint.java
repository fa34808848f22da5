package com.kis.estimator.estimate;

import java.math.BigDecimal;

/** One quoted line of the past: the price per unit after every discount, and the manual discount in %. */
public record PricePoint(String productCode, BigDecimal unitNetPrice, BigDecimal discountRate) {
}
