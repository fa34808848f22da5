package com.kis.estimator.erp.importing;

/** A product row: code, name, spec, category, unit, list price, cost, active (default yes). */
public final class ProductRows implements RowParser {

    @Override
    public Object[] parse(RowReader row) {
        Object[] values = {
                row.key("product_code", 40),
                row.text("name", 200, true),
                row.text("spec", 200, false),
                row.text("category", 40, true),
                row.text("unit", 20, true),
                row.amount("list_price"),
                row.amount("cost"),
                row.flag("active", true)};
        return row.hasProblems() ? null : values;
    }
}
