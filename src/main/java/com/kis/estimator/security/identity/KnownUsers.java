package com.kis.estimator.security.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Role;

/**
 * Mirrors every caller into {@code shared.users} the first time this instance sees them (and refreshes roles,
 * teams and last-seen at most hourly), so that reports can name users the identity provider knows. A failure
 * here never fails the request.
 */
@Component
public class KnownUsers {

    private static final Logger log = LoggerFactory.getLogger(KnownUsers.class);
    private static final Duration REFRESH = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    KnownUsers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void seen(Caller caller) {
        Instant now = clock.instant();
        Instant last = written.get(caller.id());
        if (last != null && last.plus(REFRESH).isAfter(now)) {
            return;
        }
        written.put(caller.id(), now);
        String roles = String.join(",", caller.roles().stream().map(Role::id).sorted().toList());
        String teams = String.join(",", caller.teams().stream().sorted().toList());
        Timestamp at = Timestamp.from(now);
        try {
            if (jdbc.update("UPDATE shared.users SET roles = ?, teams = ?, last_seen = ? WHERE id = ?",
                    roles, teams, at, caller.id()) == 0) {
                jdbc.update("INSERT INTO shared.users (id, roles, teams, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                        caller.id(), roles, teams, at, at);
            }
        } catch (DuplicateKeyException seenByAnotherInstance) {
            // inserted by another instance a moment ago
        } catch (DataAccessException e) {
            written.remove(caller.id());
            log.warn("Could not record user {} in shared.users: {}", caller.id(), e.getMessage());
        }
    }
}
