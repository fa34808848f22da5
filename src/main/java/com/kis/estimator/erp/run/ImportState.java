package com.kis.estimator.erp.run;

/** Where an import run stands, as {@code GET /api/v1/erp/sync/{importId}} reports it. */
public enum ImportState {
    /** Waiting for its source's lock, staging, validating or applying. */
    RUNNING,
    /** Too many rows were rejected: waits for ops to apply the rest or to cancel ("Review ERP import"). */
    REVIEW,
    COMPLETED,
    /** The file could not be read, review cancelled it, or applying failed for good. Nothing was applied. */
    FAILED
}
