package com.kis.estimator.erp.importing;

/**
 * Why one row of an import was refused: its line (1-based, as an editor shows it), the column to blame (null for
 * the whole row), the row's key (its code, when it could be read) and the reason.
 */
public record RowProblem(long line, String column, String key, String reason) {

    /** Reason texts are stored in a column of 500 characters; a cell quoted in one may be long. */
    public RowProblem {
        if (reason.length() > 500) {
            reason = reason.substring(0, 497) + "...";
        }
    }
}
