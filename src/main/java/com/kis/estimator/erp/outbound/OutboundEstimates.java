package com.kis.estimator.erp.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.estimate.EstimateApproved;

/**
 * Each approved estimate becomes an outbound message in {@code erp_ai.erp_outbound}, in the approval's own
 * transaction (a synchronous listener): the approval and its message commit together, so none is lost between
 * them. The erp-outbound route sends it.
 */
@Component
class OutboundEstimates {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    OutboundEstimates(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void approved(EstimateApproved approved) throws JsonProcessingException {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "EstimateApproved");
        payload.put("estimateNumber", approved.number());
        payload.put("revision", approved.revision());
        payload.put("customerCode", approved.customerCode());
        payload.put("total", approved.total());
        payload.put("currency", "KRW");
        payload.put("owner", approved.owner());
        payload.put("approvedAt", now.toString());
        Timestamp at = Timestamp.from(now);
        jdbc.update("INSERT INTO erp_ai.erp_outbound (message_key, payload, state, attempts, next_attempt_at,"
                + " created_at) VALUES (?, ?, 'PENDING', 0, ?, ?)", approved.number() + "-r" + approved.revision(),
                json.writeValueAsString(payload), at, at);
    }
}
