package com.kis.estimator.erp.staging;

import java.sql.SQLException;

/** Writes the valid rows of one import into its staging table, in bulk, on the caller's connection. */
interface StagingWriter extends AutoCloseable {

    void write(long line, Object[] values) throws SQLException;

    /** Sends what is buffered; the rows are then in the table (uncommitted). */
    @Override
    void close() throws SQLException;

    /** Gives up: nothing buffered is sent, and the connection is usable again (for the rollback). */
    void abort();
}
