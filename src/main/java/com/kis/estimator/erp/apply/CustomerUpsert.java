package com.kis.estimator.erp.apply;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.run.ImportCounts;

/**
 * Customers from the ERP: name, registration number (staged encrypted; compared through its blind index, since
 * two encryptions of one number differ), tier and price list. Contact details are ours and stay. A full snapshot
 * removes no customer: estimates keep referring to them, and the customer table has no inactive state.
 */
@Component
class CustomerUpsert implements CatalogUpsert {

    private static final String RESOLVED = """
            (SELECT s.code, s.name, s.brn, s.brn_index, s.tier, l.id AS price_list_id
             FROM erp_ai.erp_staged_customers s LEFT JOIN estimator.price_lists l ON l.code = s.price_list_code
             WHERE s.import_id = :importId)""";
    private static final String DIFFERS = """
            (c.name <> s.name OR c.business_registration_number_index IS DISTINCT FROM s.brn_index
             OR c.tier <> s.tier OR c.price_list_id IS DISTINCT FROM s.price_list_id OR c.demo)""";

    private final NamedParameterJdbcTemplate jdbc;

    CustomerUpsert(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportType type() {
        return ImportType.CUSTOMERS;
    }

    @Override
    public ImportCounts apply(Map<String, Object> parameters, boolean fullSnapshot) {
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT COUNT(*) AS total,
                       SUM(CASE WHEN c.id IS NULL THEN 1 ELSE 0 END) AS inserted,
                       SUM(CASE WHEN c.id IS NOT NULL AND %s THEN 1 ELSE 0 END) AS updated
                FROM %s s LEFT JOIN estimator.customers c ON c.code = s.code""".formatted(DIFFERS, RESOLVED),
                parameters);
        jdbc.update("""
                MERGE INTO estimator.customers c
                USING %s s
                ON c.code = s.code
                WHEN MATCHED AND %s THEN UPDATE SET
                    name = s.name, business_registration_number = s.brn,
                    business_registration_number_index = s.brn_index, tier = s.tier, price_list_id = s.price_list_id,
                    demo = FALSE, version = c.version + 1, updated_at = :now
                WHEN NOT MATCHED THEN INSERT
                    (code, name, business_registration_number, business_registration_number_index, tier,
                     price_list_id, demo, version, created_at, updated_at)
                    VALUES (s.code, s.name, s.brn, s.brn_index, s.tier, s.price_list_id, FALSE, 0, :now, :now)"""
                .formatted(RESOLVED, DIFFERS), parameters);
        return CatalogUpsert.counts(counts, 0);
    }
}
