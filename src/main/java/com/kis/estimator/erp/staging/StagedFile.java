package com.kis.estimator.erp.staging;

import java.util.List;

/**
 * What staging read from a file: its data rows, how many of them went into the staging table, and the header
 * titles that were not ours (reported, ignored).
 */
public record StagedFile(long rows, long staged, List<String> ignoredColumns) {
}
