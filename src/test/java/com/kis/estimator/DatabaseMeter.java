package com.kis.estimator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a benchmark phase asked of PostgreSQL, per operation: transactions committed and rolled back, and rows
 * inserted, updated and deleted in the application's and the engine's tables, with the tables those rows went to
 * ({@code pg_stat_database}, {@code pg_stat_user_tables} of the current database). Needs no extension, so it runs
 * on any PostgreSQL. Tells a change that saves work in the database from one that saves CPU around it.
 * <p>
 * A busy backend reports its counters at most once a second, and one that has gone idle within
 * {@link #REPORTED_WITHIN} (PostgreSQL's {@code PGSTAT_IDLE_INTERVAL}): wait that long after a phase before
 * {@link #perOperation}, and before starting a meter after a phase. System catalogs are left out of the rows, so an
 * {@code ANALYZE} just before a phase does not count; its commit does, one among thousands.
 */
public final class DatabaseMeter {

    public static final Duration REPORTED_WITHIN = Duration.ofSeconds(11);

    private static final String TRANSACTIONS = "SELECT xact_commit, xact_rollback FROM pg_stat_database"
            + " WHERE datname = current_database()";
    private static final String TABLES = "SELECT schemaname || '.' || relname AS name, n_tup_ins, n_tup_upd,"
            + " n_tup_del FROM pg_stat_user_tables";
    /** Tables that took fewer rows than this per operation are left out of the list. */
    private static final double LISTED_FROM = 0.5;

    private final JdbcTemplate jdbc;
    private final Map<String, Object> transactionsBefore;
    private final Map<String, long[]> tablesBefore;

    private DatabaseMeter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactionsBefore = jdbc.queryForMap(TRANSACTIONS);
        this.tablesBefore = tables(jdbc);
    }

    public static DatabaseMeter start(JdbcTemplate jdbc) {
        return new DatabaseMeter(jdbc);
    }

    /**
     * "database per operation: … commits, … rollbacks, rows … inserted, … updated, … deleted; rows written per
     * table: …", tables by rows written (inserted + updated + deleted), most first.
     */
    public String perOperation(int operations) {
        Map<String, Object> transactions = jdbc.queryForMap(TRANSACTIONS);
        double count = Math.max(1, operations);
        long[] total = new long[3];
        Map<String, Double> written = new HashMap<>();
        tables(jdbc).forEach((table, after) -> {
            long[] before = tablesBefore.getOrDefault(table, new long[3]);
            long rows = 0;
            for (int i = 0; i < 3; i++) {
                total[i] += after[i] - before[i];
                rows += after[i] - before[i];
            }
            written.put(table, rows / count);
        });
        List<String> tables = written.entrySet().stream()
                .filter(e -> e.getValue() >= LISTED_FROM)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue()))
                .toList();
        return "database per operation: %.1f commits, %.2f rollbacks, rows %.1f inserted, %.1f updated, %.1f deleted"
                .formatted(delta(transactions, "xact_commit") / count, delta(transactions, "xact_rollback") / count,
                        total[0] / count, total[1] / count, total[2] / count)
                + "; rows written per table: " + String.join(", ", tables);
    }

    private long delta(Map<String, Object> after, String counter) {
        return ((Number) after.get(counter)).longValue() - ((Number) transactionsBefore.get(counter)).longValue();
    }

    /** inserted, updated, deleted per table */
    private static Map<String, long[]> tables(JdbcTemplate jdbc) {
        Map<String, long[]> tables = new HashMap<>();
        jdbc.query(TABLES, row -> {
            tables.put(row.getString("name"),
                    new long[] {row.getLong("n_tup_ins"), row.getLong("n_tup_upd"), row.getLong("n_tup_del")});
        });
        return tables;
    }
}
