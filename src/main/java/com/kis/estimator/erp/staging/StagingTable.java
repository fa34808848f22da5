package com.kis.estimator.erp.staging;

import java.util.List;

import com.kis.estimator.erp.importing.ImportType;

/** The staging table of each import type and its columns after {@code import_id, line}, as V10 creates them. */
public enum StagingTable {

    PRODUCTS("erp_ai.erp_staged_products",
            List.of("code", "name", "spec", "category", "unit", "list_price", "cost", "active")),
    CUSTOMERS("erp_ai.erp_staged_customers",
            List.of("code", "name", "brn", "brn_index", "tier", "price_list_code")),
    PRICES("erp_ai.erp_staged_prices",
            List.of("price_list_code", "product_code", "price", "valid_from", "valid_to"));

    private final String table;
    private final List<String> columns;

    StagingTable(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    public static StagingTable of(ImportType type) {
        return valueOf(type.name());
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** {@code import_id, line, code, ...} */
    String columnList() {
        return "import_id, line, " + String.join(", ", columns);
    }
}
