package com.kis.estimator.erp.apply;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.run.ImportCounts;

/**
 * Products from the ERP. A changed list price or cost bumps the product's price version (drafts priced with the
 * old one become stale); the row version is bumped too, so that an edit racing the import answers 409. A demo
 * product the ERP also knows becomes the ERP's. A full snapshot deactivates the products it no longer lists,
 * except demo products and rows this import refused.
 */
@Component
class ProductUpsert implements CatalogUpsert {

    private static final String DIFFERS = """
            (p.name <> s.name OR p.spec IS DISTINCT FROM s.spec OR p.category <> s.category OR p.unit <> s.unit
             OR p.list_price <> s.list_price OR p.cost <> s.cost OR p.active <> s.active OR p.demo)""";

    private final NamedParameterJdbcTemplate jdbc;

    ProductUpsert(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportType type() {
        return ImportType.PRODUCTS;
    }

    @Override
    public ImportCounts apply(Map<String, Object> parameters, boolean fullSnapshot) {
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT COUNT(*) AS total,
                       SUM(CASE WHEN p.id IS NULL THEN 1 ELSE 0 END) AS inserted,
                       SUM(CASE WHEN p.id IS NOT NULL AND %s THEN 1 ELSE 0 END) AS updated
                FROM erp_ai.erp_staged_products s LEFT JOIN estimator.products p ON p.code = s.code
                WHERE s.import_id = :importId""".formatted(DIFFERS), parameters);
        jdbc.update("""
                MERGE INTO estimator.products p
                USING (SELECT code, name, spec, category, unit, list_price, cost, active
                       FROM erp_ai.erp_staged_products WHERE import_id = :importId) s
                ON p.code = s.code
                WHEN MATCHED AND %s THEN UPDATE SET
                    name = s.name, spec = s.spec, category = s.category, unit = s.unit,
                    price_version = p.price_version
                        + CASE WHEN p.list_price <> s.list_price OR p.cost <> s.cost THEN 1 ELSE 0 END,
                    list_price = s.list_price, cost = s.cost, active = s.active, demo = FALSE,
                    version = p.version + 1, updated_at = :now
                WHEN NOT MATCHED THEN INSERT
                    (code, name, spec, category, unit, list_price, cost, active, price_version, demo, version,
                     created_at, updated_at)
                    VALUES (s.code, s.name, s.spec, s.category, s.unit, s.list_price, s.cost, s.active, 1, FALSE, 0,
                            :now, :now)""".formatted(DIFFERS), parameters);
        long deactivated = fullSnapshot ? jdbc.update("""
                UPDATE estimator.products p SET active = FALSE, version = p.version + 1, updated_at = :now
                WHERE p.active AND NOT p.demo
                  AND NOT EXISTS (SELECT 1 FROM erp_ai.erp_staged_products s
                                  WHERE s.import_id = :importId AND s.code = p.code)
                  AND NOT EXISTS (SELECT 1 FROM erp_ai.erp_import_rejections r
                                  WHERE r.import_id = :importId AND r.row_key = p.code)""", parameters) : 0;
        return CatalogUpsert.counts(counts, deactivated);
    }
}
