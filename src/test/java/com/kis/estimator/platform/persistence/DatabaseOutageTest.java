package com.kis.estimator.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

import com.zaxxer.hikari.HikariDataSource;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertThat(DatabaseOutage.caused(new SQLTransientConnectionException("pool wait timed out"))).isTrue();
        assertThat(DatabaseOutage.caused(new DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(DatabaseOutage.caused(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void aRequestsOwnFaultIsNot() {
        assertThat(DatabaseOutage.caused(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.caused(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.caused(new SQLException("Connection is closed"))).as("not from the pool").isFalse();
    }

    /** The real pool's closed connection, as a rollback after the server went away meets it. */
    @Test
    void theRollbackOnAConnectionThePoolClosedIsAnOutage() throws SQLException {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://" + env("KIS_TEST_PG_HOST", "127.0.0.1") + ":"
                    + env("KIS_TEST_PG_PORT", "5432") + "/postgres");
            pool.setUsername(env("KIS_TEST_PG_USER", "postgres"));
            Connection connection = pool.getConnection();
            connection.close();

            SQLException closed = catchThrowableOfType(SQLException.class, connection::rollback);

            assertThat(DatabaseOutage.caused(new JpaSystemException(new RuntimeException("Unable to rollback",
                    closed)))).isTrue();
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
