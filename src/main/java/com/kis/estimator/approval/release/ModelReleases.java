package com.kis.estimator.approval.release;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which versions of the approval's own models serve. The approval process, its routing decision and this release
 * process itself decide who must approve an estimate, so a new version of any of them serves only once released:
 * by an administrator in Tasklist, or by the application's own deployment of {@code processes/} at start. The
 * newest released version of a key serves; the versions before keep their running instances.
 */
@Component
public class ModelReleases {

    public static final String APPROVAL_PROCESS = "estimate-approval";
    public static final String ROUTING_DECISION = "approval-routing";
    public static final String RELEASE_PROCESS = "model-release";
    /** The models whose new versions wait for a release. */
    public static final Set<String> RELEASED_MODELS = Set.of(APPROVAL_PROCESS, ROUTING_DECISION, RELEASE_PROCESS);

    /** A released version of a model. */
    public record Release(String definitionId, String key, int version) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ModelReleases(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The version of the key that serves: the newest released one. */
    public Optional<Release> serving(String key) {
        List<Release> newest = jdbc.query("""
                SELECT definition_id, definition_key, definition_version FROM shared.model_releases
                WHERE definition_key = ? ORDER BY definition_version DESC FETCH FIRST 1 ROWS ONLY""",
                (row, n) -> new Release(row.getString(1), row.getString(2), row.getInt(3)), key);
        return newest.stream().findFirst();
    }

    public boolean released(String definitionId) {
        return jdbc.queryForObject("SELECT count(*) FROM shared.model_releases WHERE definition_id = ?", Integer.class,
                definitionId) > 0;
    }

    void release(Release release, String deployedBy, String releasedBy) {
        if (released(release.definitionId())) {
            return;
        }
        jdbc.update("""
                INSERT INTO shared.model_releases (definition_id, definition_key, definition_version, deployed_by,
                    released_by, released_at) VALUES (?, ?, ?, ?, ?, ?)""", release.definitionId(), release.key(),
                release.version(), deployedBy, releasedBy, Timestamp.from(clock.instant()));
    }
}
