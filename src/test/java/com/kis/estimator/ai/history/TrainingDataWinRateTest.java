package com.kis.estimator.ai.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The prior for customers without a history of their own: counted once, then again when it may have moved. */
class TrainingDataWinRateTest {

    private static final String OVERALL = "SELECT COUNT(*) AS closed, SUM(CASE WHEN won THEN 1 ELSE 0 END)"
            + " AS won FROM erp_ai.training_data";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private Instant now = Instant.parse("2026-11-27T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final TrainingData history = new TrainingData(jdbc, new ObjectMapper(), clock);

    @BeforeEach
    void aNewCustomerAndAHistoryOfFourWithThreeWon() {
        when(jdbc.queryForMap(eq(OVERALL + " WHERE customer_code = ?"), any(Object[].class)))
                .thenReturn(Map.of("closed", 0L, "won", 0L));
        when(jdbc.queryForMap(OVERALL)).thenReturn(Map.of("closed", 4L, "won", 3L));
    }

    @Test
    void theOverallRateIsCountedOnceWithinFiveMinutes() {
        assertThat(history.winRate("NEW-1")).isEqualTo(0.75);
        now = now.plus(Duration.ofMinutes(4));
        assertThat(history.winRate("NEW-2")).isEqualTo(0.75);
        verify(jdbc, times(1)).queryForMap(OVERALL);

        when(jdbc.queryForMap(OVERALL)).thenReturn(Map.of("closed", 5L, "won", 3L));
        now = now.plus(Duration.ofMinutes(2));
        assertThat(history.winRate("NEW-3")).isEqualTo(0.6);
        verify(jdbc, times(2)).queryForMap(OVERALL);
    }

    @Test
    void anOutcomeAddedHereIsCountedAtOnce() {
        assertThat(history.winRate("NEW-1")).isEqualTo(0.75);
        history.add("estimate", 1L, "EST-1", "OLD-1", List.of(), Map.of("logTotal", 1.0), false, now);

        when(jdbc.queryForMap(OVERALL)).thenReturn(Map.of("closed", 5L, "won", 3L));
        assertThat(history.winRate("NEW-2")).isEqualTo(0.6);
        verify(jdbc).update(anyString(), any(Object[].class));
    }
}
