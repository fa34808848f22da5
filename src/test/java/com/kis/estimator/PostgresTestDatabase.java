package com.kis.estimator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A database on the real PostgreSQL server the tests run against (127.0.0.1:5432, user postgres, trust auth,
 * as on the CI machines; override with KIS_TEST_PG_HOST/PORT/USER/PASSWORD). Tests that need an empty
 * database create a uniquely named one and drop it afterwards.
 */
public final class PostgresTestDatabase {

    private static final String HOST = env("KIS_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("KIS_TEST_PG_PORT", "5432");
    private static final String USER = env("KIS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("KIS_TEST_PG_PASSWORD", "");

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database. */
    public static PostgresTestDatabase createFresh(String prefix) {
        PostgresTestDatabase database = new PostgresTestDatabase(prefix + "_" + System.nanoTime());
        database.admin("CREATE DATABASE " + database.name);
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name + "?currentSchema=camunda,public";
    }

    /**
     * Spring properties pointing the application at this database with the prod profile's layout, and the
     * test-only column encryption keys without which the prod profile does not start.
     */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                "kis.encryption.keys.primary", TEST_COLUMN_KEY,
                "kis.encryption.index-key", TEST_INDEX_KEY);
    }

    /** Test-only keys (32 bytes, base64); never used outside the tests. */
    static final String TEST_COLUMN_KEY = "dGVzdC1vbmx5LWNvbHVtbi1rZXktLS0tLS0tLS0tMDE=";
    static final String TEST_INDEX_KEY = "dGVzdC1vbmx5LWluZGV4LWtleS0tLS0tLS0tLS0tMDE=";

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** The first column of each row the query answers, as text; parameters bound in order. */
    public List<String> column(String sql, Object... parameters) {
        try (Connection connection = connect(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The one value the query answers (a count, a status), as text; null when it answers no row. */
    public String value(String sql, Object... parameters) {
        List<String> values = column(sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    public long count(String sql, Object... parameters) {
        return Long.parseLong(value(sql, parameters));
    }

    public void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
