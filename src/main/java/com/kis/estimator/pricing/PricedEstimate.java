package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The priced estimate: its lines and the totals of a Korean quotation.
 *
 * @param subtotal       Σ line net amounts
 * @param discountRate   estimate-level discount %
 * @param discountAmount subtotal × discount %, to the won
 * @param supplyAmount   공급가액: subtotal − discount amount
 * @param vat            부가세 on the supply amount
 * @param total          합계: supply amount + VAT
 * @param cost           Σ quantity × unit cost
 * @param margin         supply amount − cost
 * @param marginRate     margin as % of the supply amount
 */
public record PricedEstimate(List<PricedLine> lines, BigDecimal subtotal, BigDecimal discountRate,
        BigDecimal discountAmount, BigDecimal supplyAmount, BigDecimal vat, BigDecimal total, BigDecimal cost,
        BigDecimal margin, BigDecimal marginRate) {

    public PricedEstimate {
        lines = List.copyOf(lines);
    }

    /** The largest discount a person chose, line or estimate level, in % — what approval routing looks at. */
    public BigDecimal largestManualDiscountRate() {
        return lines.stream()
                .map(line -> line.waterfall().lineDiscountRate())
                .reduce(discountRate, BigDecimal::max);
    }
}
