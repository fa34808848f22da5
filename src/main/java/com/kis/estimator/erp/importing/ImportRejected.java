package com.kis.estimator.erp.importing;

/**
 * A file that cannot be read as an import at all, with where: the line (1-based, 0 for the whole file) and the
 * column, when one is to blame.
 */
public class ImportRejected extends RuntimeException {

    private final long line;
    private final String column;

    public ImportRejected(long line, String column, String reason) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
