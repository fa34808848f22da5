package com.kis.estimator.erp.staging;

/** What staging read from a file: its data rows, and how many of them went into the staging table. */
public record StagedFile(long rows, long staged) {
}
