package com.kis.estimator.estimate.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.kis.estimator.estimate.model.EstimateViewer.Kind;

/** The grants in {@code estimator.estimate_viewers}; granting twice is harmless. */
@Repository
public class EstimateViewers {

    private final NamedParameterJdbcTemplate jdbc;

    EstimateViewers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void grant(long estimateId, Kind kind, String principal, Instant at) {
        jdbc.update("""
                INSERT INTO estimator.estimate_viewers (estimate_id, kind, principal, granted_at)
                SELECT :estimate, :kind, :principal, :at WHERE NOT EXISTS (SELECT 1 FROM estimator.estimate_viewers
                    WHERE estimate_id = :estimate AND kind = :kind AND principal = :principal)""",
                Map.of("estimate", estimateId, "kind", kind.name(), "principal", principal, "at", Timestamp.from(at)));
    }

    public void revoke(long estimateId, Kind kind, String principal) {
        jdbc.update("DELETE FROM estimator.estimate_viewers WHERE estimate_id = :estimate AND kind = :kind"
                + " AND principal = :principal", Map.of("estimate", estimateId, "kind", kind.name(), "principal", principal));
    }

    public boolean canSee(long estimateId, String user, Collection<String> groups) {
        List<String> groupList = groups.isEmpty() ? List.of("") : List.copyOf(groups);
        Integer matches = jdbc.queryForObject("""
                SELECT count(*) FROM estimator.estimate_viewers WHERE estimate_id = :estimate
                    AND ((kind = 'USER' AND principal = :user) OR (kind = 'GROUP' AND principal IN (:groups)))""",
                Map.of("estimate", estimateId, "user", user, "groups", groupList), Integer.class);
        return matches != null && matches > 0;
    }
}
