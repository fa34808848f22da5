package com.kis.estimator.erp.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Work inside the job's transaction, behind a savepoint. When a statement fails, PostgreSQL refuses every later
 * one in the transaction; Camunda's own queries while it records the failure would then fail too, and Cockpit
 * would show "an exception occurred in the persistence layer" instead of the cause. Rolled back to the
 * savepoint, the transaction stays usable, and the job fails with the real message. (JPA's transaction manager
 * offers no nested transactions, hence plain JDBC.)
 */
@Component
class Savepoints {

    private final DataSource dataSource;

    Savepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(Supplier<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = set(connection);
        try {
            T result = work.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release a savepoint: " + e.getMessage(), e);
        }
    }

    private static Savepoint set(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a savepoint: " + e.getMessage(), e);
        }
    }
}
