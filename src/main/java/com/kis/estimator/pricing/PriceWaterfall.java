package com.kis.estimator.pricing;

import java.math.BigDecimal;

/**
 * How one line's price came about, step by step, in amounts that add up to the won:
 * {@code grossAmount − tierDiscountAmount − lineDiscountAmount = netAmount}.
 *
 * @param listPrice          the catalog's unit price
 * @param priceListCode      the customer price list that set {@code unitPrice}, or {@code null} for list price
 * @param unitPrice          the unit price used: the contract price valid on the pricing date, else list price
 * @param grossAmount        quantity × unit price
 * @param tierDiscountRate   volume tier discount %
 * @param tierDiscountAmount what the tier takes off, to the won
 * @param lineDiscountRate   manual line discount %
 * @param lineDiscountAmount what the manual discount takes off, to the won
 * @param netAmount          quantity × unit price × (1 − tier %) × (1 − line %), rounded once
 */
public record PriceWaterfall(BigDecimal listPrice, String priceListCode, BigDecimal unitPrice,
        BigDecimal grossAmount, BigDecimal tierDiscountRate, BigDecimal tierDiscountAmount,
        BigDecimal lineDiscountRate, BigDecimal lineDiscountAmount, BigDecimal netAmount) {
}
