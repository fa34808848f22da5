package com.kis.estimator.erp.apply;

import java.util.Map;

import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.run.ImportCounts;

/**
 * Applies the staged rows of one import type to the catalog's tables, set-based: the counts first (new, changed,
 * unchanged), then one MERGE, then, for a full snapshot, what the ERP no longer has. Runs inside the apply's
 * transaction. The parameters are {@code importId} and {@code now}.
 */
interface CatalogUpsert {

    ImportType type();

    /** @return the counts, with {@code rejected} left 0 for the caller */
    ImportCounts apply(Map<String, Object> parameters, boolean fullSnapshot);

    /** Counts from a query selecting {@code total, inserted, updated}. */
    static ImportCounts counts(Map<String, Object> row, long deactivated) {
        long total = ((Number) row.get("total")).longValue();
        long inserted = row.get("inserted") == null ? 0 : ((Number) row.get("inserted")).longValue();
        long updated = row.get("updated") == null ? 0 : ((Number) row.get("updated")).longValue();
        return new ImportCounts(inserted, updated, total - inserted - updated, 0, deactivated);
    }
}
