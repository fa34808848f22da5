package com.kis.estimator.erp.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import com.kis.estimator.erp.importing.RowProblem;

/** The problems of one import into {@code erp_ai.erp_import_rejections}, batched, on the staging connection. */
public final class RejectionBatch implements AutoCloseable {

    private static final int BATCH = 1000;

    private final PreparedStatement insert;
    private final UUID importId;
    private int pending;

    RejectionBatch(Connection connection, UUID importId) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO erp_ai.erp_import_rejections"
                + " (import_id, line, column_name, row_key, reason) VALUES (?, ?, ?, ?, ?)");
        this.importId = importId;
    }

    public void add(RowProblem problem) throws SQLException {
        insert.setObject(1, importId);
        insert.setLong(2, problem.line());
        insert.setString(3, problem.column());
        insert.setString(4, problem.key());
        insert.setString(5, problem.reason());
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
}
