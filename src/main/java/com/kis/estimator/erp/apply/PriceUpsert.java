package com.kis.estimator.erp.apply;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.run.ImportCounts;

/**
 * Price list entries from the ERP, keyed by price list, product and start date. A price list the ERP names and
 * we do not have yet is created (named by its code; the name can be edited). Every price list whose entries
 * change gets a new row version. A full snapshot removes the entries of the price lists it names that it no
 * longer lists, except entries of products whose rows this import refused.
 */
@Component
class PriceUpsert implements CatalogUpsert {

    private static final String RESOLVED = """
            (SELECT l.id AS price_list_id, p.id AS product_id, s.price, s.valid_from, s.valid_to
             FROM erp_ai.erp_staged_prices s
             JOIN estimator.price_lists l ON l.code = s.price_list_code
             JOIN estimator.products p ON p.code = s.product_code
             WHERE s.import_id = :importId)""";
    private static final String MATCH =
            "e.price_list_id = s.price_list_id AND e.product_id = s.product_id AND e.valid_from = s.valid_from";
    private static final String DIFFERS = "(e.price <> s.price OR e.valid_to IS DISTINCT FROM s.valid_to)";
    private static final String DROPPED = """
            FROM estimator.price_list_entries e
            WHERE e.price_list_id IN (SELECT l.id FROM estimator.price_lists l WHERE l.code IN
                                      (SELECT price_list_code FROM erp_ai.erp_staged_prices WHERE import_id = :importId))
              AND NOT EXISTS (SELECT 1 FROM %s s WHERE %s)
              AND NOT EXISTS (SELECT 1 FROM erp_ai.erp_import_rejections r
                              JOIN estimator.products p ON p.code = r.row_key
                              WHERE r.import_id = :importId AND p.id = e.product_id)""".formatted(RESOLVED, MATCH);

    private final NamedParameterJdbcTemplate jdbc;

    PriceUpsert(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportType type() {
        return ImportType.PRICES;
    }

    @Override
    public ImportCounts apply(Map<String, Object> parameters, boolean fullSnapshot) {
        jdbc.update("""
                INSERT INTO estimator.price_lists (code, name, demo, version, created_at, updated_at)
                SELECT d.code, d.code, FALSE, 0, :now, :now
                FROM (SELECT DISTINCT price_list_code AS code FROM erp_ai.erp_staged_prices
                      WHERE import_id = :importId) d
                WHERE NOT EXISTS (SELECT 1 FROM estimator.price_lists l WHERE l.code = d.code)""", parameters);
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT COUNT(*) AS total,
                       SUM(CASE WHEN e.id IS NULL THEN 1 ELSE 0 END) AS inserted,
                       SUM(CASE WHEN e.id IS NOT NULL AND %s THEN 1 ELSE 0 END) AS updated
                FROM %s s LEFT JOIN estimator.price_list_entries e ON %s""".formatted(DIFFERS, RESOLVED, MATCH),
                parameters);
        markChangedPriceLists(parameters, fullSnapshot);
        jdbc.update("""
                MERGE INTO estimator.price_list_entries e
                USING %s s
                ON %s
                WHEN MATCHED AND %s THEN UPDATE SET price = s.price, valid_to = s.valid_to
                WHEN NOT MATCHED THEN INSERT (price_list_id, product_id, price, valid_from, valid_to)
                    VALUES (s.price_list_id, s.product_id, s.price, s.valid_from, s.valid_to)"""
                .formatted(RESOLVED, MATCH, DIFFERS), parameters);
        long removed = fullSnapshot ? jdbc.update("DELETE " + DROPPED, parameters) : 0;
        return CatalogUpsert.counts(counts, removed);
    }

    /** A new row version for each price list that gains, changes or (in a snapshot) loses an entry. */
    private void markChangedPriceLists(Map<String, Object> parameters, boolean fullSnapshot) {
        String changed = """
                SELECT s.price_list_id FROM %s s LEFT JOIN estimator.price_list_entries e ON %s
                WHERE e.id IS NULL OR %s""".formatted(RESOLVED, MATCH, DIFFERS);
        if (fullSnapshot) {
            changed += " UNION SELECT e.price_list_id " + DROPPED;
        }
        jdbc.update("UPDATE estimator.price_lists SET version = version + 1, demo = FALSE, updated_at = :now"
                + " WHERE id IN (" + changed + ")", parameters);
    }
}
