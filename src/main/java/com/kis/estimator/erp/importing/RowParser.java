package com.kis.estimator.erp.importing;

/** Turns one record of an import type into the values its staging table holds. */
public interface RowParser {

    /**
     * The row's values in the order of the type's staging columns (after import id and line), or null when a
     * cell is wrong; the reader then holds the problems.
     */
    Object[] parse(RowReader row);
}
