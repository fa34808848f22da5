package com.kis.estimator.erp.importing;

import java.time.LocalDate;

/** A price row: price list, product code, price, valid from, valid to (open-ended when empty). */
public final class PriceRows implements RowParser {

    @Override
    public Object[] parse(RowReader row) {
        String priceList = row.text("price_list", 40, true);
        String product = row.key("product_code", 40);
        Object price = row.amount("price");
        LocalDate from = row.date("valid_from", true);
        LocalDate to = row.date("valid_to", false);
        if (from != null && to != null && to.isBefore(from)) {
            row.problem("valid_to", "is before valid_from (" + to + " < " + from + ")");
        }
        return row.hasProblems() ? null : new Object[] {priceList, product, price, from, to};
    }
}
