package com.kis.estimator.ai.registry;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code erp_ai.analytics_events}: what happened to models (trained, activated, refused, loaded…). */
@Repository
public class AnalyticsEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AnalyticsEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String type, String subject, String detail, String actor) {
        String shortened = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
        jdbc.update("INSERT INTO erp_ai.analytics_events (event_type, subject, detail, actor, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?)", type, subject, shortened, actor, Timestamp.from(clock.instant()));
    }
}
