package com.kis.estimator.erp.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.pull.PullProperties;
import com.kis.estimator.platform.workflow.NodePresumedDead;
import com.kis.estimator.platform.workflow.ThisNode;

/**
 * What the erp-outbound route calls: {@code due} lists the messages to send now, {@code prepare} makes one the
 * request (bearer token, an {@code Idempotency-Key} so that the ERP can drop a message sent twice), {@code sent}
 * marks it, and {@code failed} — the route's dead letter, after its redeliveries — schedules the next attempt with
 * a doubled wait, or marks the message DEAD after {@code kis.erp.outbound.max-attempts}. Nothing is deleted.
 */
@Component("erpOutbound")
public class ErpOutbound {

    static final String ID = "kisOutboundId";
    private static final Logger log = LoggerFactory.getLogger(ErpOutbound.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /**
     * Longer than one send with all its redeliveries. Only a sender that is alive but stuck waits it out: one that
     * dies gives its claims back when it is presumed dead ({@link #senderPresumedDead}).
     */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final OutboundProperties properties;
    private final PullProperties erp;
    private final Clock clock;
    private final ThisNode node;

    ErpOutbound(JdbcTemplate jdbc, OutboundProperties properties, PullProperties erp, Clock clock, ThisNode node) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.erp = erp;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Pending messages whose time has come, oldest first, each claimed for this sender; none while there is
     * nowhere to send them. Several instances poll the same table (replicas; test contexts), so a message is
     * taken only by the one whose claim moves its next attempt past {@link #CLAIM}: the others see it as not
     * due. The claim names this process: one that dies mid-send gives the message back when the others presume
     * it dead; the {@code Idempotency-Key} lets the ERP drop the second copy, should the first have arrived.
     */
    public List<Map<String, Object>> due() {
        if ("rest".equals(properties.target()) && properties.url().isBlank()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp claimedUntil = Timestamp.from(clock.instant().plus(CLAIM));
        return jdbc.queryForList("SELECT id, message_key, payload FROM erp_ai.erp_outbound WHERE state = 'PENDING'"
                + " AND next_attempt_at <= ? ORDER BY id FETCH FIRST 50 ROWS ONLY", now).stream()
                .filter(message -> jdbc.update("UPDATE erp_ai.erp_outbound SET next_attempt_at = ?, claimed_by = ?"
                        + " WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?", claimedUntil, node.name(),
                        message.get("id"), now) == 1)
                .toList();
    }

    /** The messages a dead sender had claimed are due again at once, instead of when its claims run out. */
    @EventListener
    void senderPresumedDead(NodePresumedDead sender) {
        int released = jdbc.update("UPDATE erp_ai.erp_outbound SET claimed_by = NULL, next_attempt_at = ?"
                + " WHERE claimed_by = ? AND state = 'PENDING'", Timestamp.from(clock.instant()), sender.name());
        if (released > 0) {
            log.warn("{} ERP outbound messages claimed by {}, presumed dead, are due again", released, sender.name());
        }
    }

    public void prepare(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> message = exchange.getIn().getBody(Map.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(ID, ((Number) message.get("id")).longValue());
        exchange.getIn().setHeader("kisOutboundName", message.get("message_key") + ".json");
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader("Authorization", "Bearer " + erp.token());
        exchange.getIn().setHeader("Idempotency-Key", message.get("message_key"));
        exchange.getIn().setBody(message.get("payload"));
    }

    public void sent(Exchange exchange) {
        jdbc.update("UPDATE erp_ai.erp_outbound SET state = 'SENT', attempts = attempts + 1, sent_at = ?,"
                + " last_error = NULL, claimed_by = NULL WHERE id = ?", Timestamp.from(clock.instant()), id(exchange));
    }

    public void failed(Exchange exchange) {
        long id = id(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause == null ? "unknown error" : cause.getMessage();
        int attempts = jdbc.queryForObject("SELECT attempts FROM erp_ai.erp_outbound WHERE id = ?", Integer.class, id) + 1;
        Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 16));
        boolean dead = attempts >= properties.maxAttempts();
        jdbc.update("UPDATE erp_ai.erp_outbound SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                + " claimed_by = NULL WHERE id = ?", dead ? "DEAD" : "PENDING", attempts,
                error.length() > 1000 ? error.substring(0, 1000) : error,
                Timestamp.from(clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait)), id);
        if (dead) {
            log.error("ERP outbound message {} is DEAD after {} attempts: {}", id, attempts, error);
        } else {
            log.warn("ERP outbound message {} failed (attempt {}), next in {}: {}", id, attempts, wait, error);
        }
    }

    /** How many messages are pending, sent and dead, for /api/v1/erp/sync. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>(Map.of("PENDING", 0L, "SENT", 0L, "DEAD", 0L));
        jdbc.query("SELECT state, COUNT(*) FROM erp_ai.erp_outbound GROUP BY state",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    private static long id(Exchange exchange) {
        return exchange.getIn().getHeader(ID, Long.class);
    }
}
