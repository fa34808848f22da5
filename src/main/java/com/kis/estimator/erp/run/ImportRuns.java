package com.kis.estimator.erp.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code erp_ai.erp_sync_logs}: each import run from request to outcome. */
@Repository
public class ImportRuns {

    private static final String COLUMNS = "import_id, source, channel, file_name, checksum, size_bytes, full_snapshot,"
            + " state, process_instance_id, total_rows, inserted, updated, unchanged, rejected, deactivated, outcome,"
            + " requested_by, started_at, finished_at, duration_ms";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new run, RUNNING from now. */
    public ImportRun start(String source, String channel, String fileName, String checksum, long sizeBytes,
            boolean fullSnapshot, String requestedBy) {
        UUID importId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO erp_ai.erp_sync_logs (import_id, source, channel, file_name, checksum, size_bytes,"
                + " full_snapshot, state, requested_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                importId, source, channel, fileName, checksum, sizeBytes, fullSnapshot, ImportState.RUNNING.name(),
                requestedBy, Timestamp.from(now));
        return find(importId).orElseThrow();
    }

    public void attachProcess(UUID importId, String processInstanceId) {
        jdbc.update("UPDATE erp_ai.erp_sync_logs SET process_instance_id = ? WHERE import_id = ?",
                processInstanceId, importId);
    }

    /** After staging and validation: how many rows the file had and how many were refused. */
    public void validated(UUID importId, long totalRows, long rejected) {
        jdbc.update("UPDATE erp_ai.erp_sync_logs SET total_rows = ?, rejected = ? WHERE import_id = ?",
                totalRows, rejected, importId);
    }

    public void state(UUID importId, ImportState state, String outcome) {
        jdbc.update("UPDATE erp_ai.erp_sync_logs SET state = ?, outcome = COALESCE(?, outcome) WHERE import_id = ?",
                state.name(), abbreviated(outcome), importId);
    }

    /** The counts of a successful apply; written in the apply's transaction. */
    public void applied(UUID importId, ImportCounts counts) {
        jdbc.update("UPDATE erp_ai.erp_sync_logs SET inserted = ?, updated = ?, unchanged = ?, rejected = ?,"
                + " deactivated = ? WHERE import_id = ?", counts.inserted(), counts.updated(), counts.unchanged(),
                counts.rejected(), counts.deactivated(), importId);
    }

    /** The end of a run: its final state, outcome, and how long it took from the request. */
    public void finish(UUID importId, ImportState state, String outcome) {
        ImportRun run = find(importId).orElseThrow();
        Instant now = clock.instant();
        jdbc.update("UPDATE erp_ai.erp_sync_logs SET state = ?, outcome = ?, finished_at = ?, duration_ms = ?"
                + " WHERE import_id = ?", state.name(), abbreviated(outcome), Timestamp.from(now),
                Duration.between(run.startedAt(), now).toMillis(), importId);
    }

    public Optional<ImportRun> find(UUID importId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.erp_sync_logs WHERE import_id = ?", ImportRuns::row,
                importId).stream().findFirst();
    }

    /** The latest run of each source. */
    public List<ImportRun> latestPerSource() {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.erp_sync_logs l WHERE started_at ="
                + " (SELECT MAX(started_at) FROM erp_ai.erp_sync_logs m WHERE m.source = l.source)"
                + " ORDER BY source", ImportRuns::row);
    }

    /** When the last completed run of a source through a channel was requested: the next delta starts there. */
    public Optional<Instant> lastCompletedStart(String source, String channel) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(started_at) FROM erp_ai.erp_sync_logs"
                + " WHERE source = ? AND channel = ? AND state = 'COMPLETED'", Timestamp.class, source, channel))
                .map(Timestamp::toInstant);
    }

    private static ImportRun row(ResultSet rs, int rowNum) throws SQLException {
        ImportCounts counts = new ImportCounts(rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"),
                rs.getLong("rejected"), rs.getLong("deactivated"));
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRun(rs.getObject("import_id", UUID.class), rs.getString("source"), rs.getString("channel"),
                rs.getString("file_name"), rs.getString("checksum"), rs.getObject("size_bytes", Long.class),
                rs.getBoolean("full_snapshot"), ImportState.valueOf(rs.getString("state")),
                rs.getString("process_instance_id"), rs.getObject("total_rows", Long.class), counts,
                rs.getString("outcome"), rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getObject("duration_ms", Long.class));
    }

    private static String abbreviated(String outcome) {
        return outcome == null || outcome.length() <= 1000 ? outcome : outcome.substring(0, 997) + "...";
    }
}
