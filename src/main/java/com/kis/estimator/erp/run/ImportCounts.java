package com.kis.estimator.erp.run;

/**
 * What an import did to its rows. {@code deactivated} counts what a full snapshot no longer held: products set
 * inactive, price list entries removed.
 */
public record ImportCounts(long inserted, long updated, long unchanged, long rejected, long deactivated) {

    public ImportCounts withRejected(long rejected) {
        return new ImportCounts(inserted, updated, unchanged, rejected, deactivated);
    }
}
