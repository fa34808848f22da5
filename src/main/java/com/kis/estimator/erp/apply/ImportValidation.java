package com.kis.estimator.erp.apply;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.staging.StagingTable;

/**
 * The checks that need more than one row, in SQL over the staging table: codes twice in one file (every
 * occurrence is refused, since nobody can tell which one the ERP meant) and references to what does not exist (a
 * price for an unknown product, a customer on an unknown price list). Refused rows leave the staging table and
 * join the rejections with their reason.
 */
@Component
public class ImportValidation {

    private static final String REJECT = "INSERT INTO erp_ai.erp_import_rejections"
            + " (import_id, line, column_name, row_key, reason) ";

    private final NamedParameterJdbcTemplate jdbc;

    ImportValidation(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void validate(UUID importId, ImportType type) {
        Map<String, Object> parameters = Map.of("importId", importId);
        for (String check : checks(type)) {
            jdbc.update(REJECT + check, parameters);
        }
        jdbc.update("DELETE FROM " + StagingTable.of(type).table() + " WHERE import_id = :importId AND line IN"
                + " (SELECT r.line FROM erp_ai.erp_import_rejections r WHERE r.import_id = :importId)", parameters);
    }

    /** Each check selects (import_id, line, column, key, reason) for the rows it refuses. */
    private static List<String> checks(ImportType type) {
        return switch (type) {
            case PRODUCTS -> List.of("""
                    SELECT s.import_id, s.line, 'product_code', s.code,
                           CONCAT('product_code ', s.code, ' appears more than once in the file (first on line ',
                                  d.first_line, ')')
                    FROM erp_ai.erp_staged_products s
                    JOIN (SELECT code, MIN(line) AS first_line FROM erp_ai.erp_staged_products
                          WHERE import_id = :importId GROUP BY code HAVING COUNT(*) > 1) d ON d.code = s.code
                    WHERE s.import_id = :importId""");
            case CUSTOMERS -> List.of("""
                    SELECT s.import_id, s.line, 'customer_code', s.code,
                           CONCAT('customer_code ', s.code, ' appears more than once in the file (first on line ',
                                  d.first_line, ')')
                    FROM erp_ai.erp_staged_customers s
                    JOIN (SELECT code, MIN(line) AS first_line FROM erp_ai.erp_staged_customers
                          WHERE import_id = :importId GROUP BY code HAVING COUNT(*) > 1) d ON d.code = s.code
                    WHERE s.import_id = :importId""", """
                    SELECT s.import_id, s.line, 'price_list', s.code,
                           CONCAT('price_list ', s.price_list_code, ' does not exist (import its prices first)')
                    FROM erp_ai.erp_staged_customers s
                    WHERE s.import_id = :importId AND s.price_list_code IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM estimator.price_lists l WHERE l.code = s.price_list_code)""");
            case PRICES -> List.of("""
                    SELECT s.import_id, s.line, 'product_code', s.product_code,
                           CONCAT('the price of ', s.product_code, ' in ', s.price_list_code, ' from ', s.valid_from,
                                  ' appears more than once in the file (first on line ', d.first_line, ')')
                    FROM erp_ai.erp_staged_prices s
                    JOIN (SELECT price_list_code, product_code, valid_from, MIN(line) AS first_line
                          FROM erp_ai.erp_staged_prices WHERE import_id = :importId
                          GROUP BY price_list_code, product_code, valid_from HAVING COUNT(*) > 1) d
                      ON d.price_list_code = s.price_list_code AND d.product_code = s.product_code
                         AND d.valid_from = s.valid_from
                    WHERE s.import_id = :importId""", """
                    SELECT s.import_id, s.line, 'product_code', s.product_code,
                           CONCAT('product_code ', s.product_code, ' does not exist (import the product first)')
                    FROM erp_ai.erp_staged_prices s
                    WHERE s.import_id = :importId
                      AND NOT EXISTS (SELECT 1 FROM estimator.products p WHERE p.code = s.product_code)""");
        };
    }
}
