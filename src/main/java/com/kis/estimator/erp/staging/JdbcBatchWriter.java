package com.kis.estimator.erp.staging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.UUID;

/** Rows into a staging table as batched inserts: for databases without COPY (the embedded default's H2). */
final class JdbcBatchWriter implements StagingWriter {

    private static final int BATCH = 1000;

    private final PreparedStatement insert;
    private final UUID importId;
    private int pending;

    private JdbcBatchWriter(PreparedStatement insert, UUID importId) {
        this.insert = insert;
        this.importId = importId;
    }

    static StagingWriter open(Connection connection, StagingTable table, UUID importId) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(table.columns().size() + 2, "?"));
        return new JdbcBatchWriter(connection.prepareStatement(
                "INSERT INTO " + table.table() + " (" + table.columnList() + ") VALUES (" + marks + ")"), importId);
    }

    @Override
    public void write(long line, Object[] values) throws SQLException {
        insert.setObject(1, importId);
        insert.setLong(2, line);
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 3, values[i]);
        }
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (pending > 0) {
                insert.executeBatch();
            }
        } finally {
            insert.close();
        }
    }

    @Override
    public void abort() {
        try {
            insert.close();
        } catch (SQLException e) {
            // the transaction is rolled back next; a failed close shows there
        }
    }
}
