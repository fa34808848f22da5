package com.kis.estimator.ai.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@code erp_ai.ml_models}: every model trained, and which one serves. At most one per name is ACTIVE. */
@Repository
public class ModelRegistry {

    private static final String COLUMNS = "id, name, version, framework, artifact_path, checksum, feature_schema,"
            + " metrics, training_rows, synthetic, status, created_at, activated_at, retired_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ModelRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int nextVersion(String name) {
        Integer last = jdbc.queryForObject("SELECT MAX(version) FROM erp_ai.ml_models WHERE name = ?", Integer.class,
                name);
        return last == null ? 1 : last + 1;
    }

    public RegisteredModel register(String name, int version, String framework, String artifactPath, String checksum,
            String featureSchema, String metrics, int trainingRows, boolean synthetic) {
        jdbc.update("INSERT INTO erp_ai.ml_models (name, version, framework, artifact_path, checksum, feature_schema,"
                + " metrics, training_rows, synthetic, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                name, version, framework, artifactPath, checksum, featureSchema, metrics, trainingRows, synthetic,
                ModelStatus.CANDIDATE.name(), now());
        return find(name, version).orElseThrow();
    }

    public Optional<RegisteredModel> find(String name, int version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.ml_models WHERE name = ? AND version = ?",
                ModelRegistry::row, name, version).stream().findFirst();
    }

    public Optional<RegisteredModel> active(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.ml_models WHERE name = ? AND status = 'ACTIVE'",
                ModelRegistry::row, name).stream().findFirst();
    }

    public List<RegisteredModel> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.ml_models ORDER BY name, version DESC",
                ModelRegistry::row);
    }

    /** The candidate becomes ACTIVE and the one before it RETIRED, in one transaction. */
    @Transactional
    public void activate(String name, int version) {
        Timestamp now = now();
        jdbc.update("UPDATE erp_ai.ml_models SET status = 'RETIRED', retired_at = ? WHERE name = ?"
                + " AND status = 'ACTIVE'", now, name);
        int moved = jdbc.update("UPDATE erp_ai.ml_models SET status = 'ACTIVE', activated_at = ? WHERE name = ?"
                + " AND version = ? AND status = 'CANDIDATE'", now, name, version);
        if (moved == 0) {
            throw new IllegalStateException(name + " v" + version + " is not a candidate");
        }
    }

    public void reject(String name, int version) {
        jdbc.update("UPDATE erp_ai.ml_models SET status = 'REJECTED', retired_at = ? WHERE name = ? AND version = ?"
                + " AND status = 'CANDIDATE'", now(), name, version);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static RegisteredModel row(ResultSet rs, int n) throws SQLException {
        return new RegisteredModel(rs.getLong("id"), rs.getString("name"), rs.getInt("version"),
                rs.getString("framework"), rs.getString("artifact_path"), rs.getString("checksum"),
                rs.getString("feature_schema"), rs.getString("metrics"), rs.getInt("training_rows"),
                rs.getBoolean("synthetic"), ModelStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "activated_at"), instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
