package com.kis.estimator.pricing;

import java.math.BigDecimal;

/**
 * A priced estimate line: its waterfall, its margin over product cost, and the product's price version at
 * pricing time.
 *
 * @param marginRate margin as % of the net amount; a line given away (net 0) at a cost counts as −100 %
 */
public record PricedLine(String productCode, BigDecimal quantity, PriceWaterfall waterfall, BigDecimal cost,
        BigDecimal margin, BigDecimal marginRate, long priceVersion) {

    public BigDecimal netAmount() {
        return waterfall.netAmount();
    }

    /** True when the catalog has changed this product's price or cost since the line was priced. */
    public boolean isStaleAgainst(long currentPriceVersion) {
        return currentPriceVersion != priceVersion;
    }
}
