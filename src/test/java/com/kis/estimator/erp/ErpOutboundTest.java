package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.erp.simulator.ErpSimulator;
import com.kis.estimator.estimate.EstimateApproved;

/**
 * The outbound feed against the simulator: an approved estimate is stored with its approval and posted to the
 * ERP; a failing ERP delays it, never loses it; a rolled-back approval sends nothing.
 */
@PostgresIntegrationTest
class ErpOutboundTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private final ErpSimulator erp = PostgresIntegrationTest.SharedDatabase.erpSimulator();

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anApprovedEstimateReachesTheErpEvenWhenTheErpFailsAtFirst() {
        String number = "Q-OUT-" + run;
        erp.failNext(number, 2);

        transaction.executeWithoutResult(status -> events.publishEvent(
                new EstimateApproved(1L, number, 2, "C-OUT", new BigDecimal("1650000"), "sales1")));

        JsonNode received = await(() -> erp.received().stream()
                .filter(message -> number.equals(message.path("estimateNumber").asText())).findFirst().orElse(null));
        assertThat(received.get("revision").asInt()).isEqualTo(2);
        assertThat(received.get("total").decimalValue()).isEqualByComparingTo("1650000");
        Map<String, Object> row = await(() -> {
            Map<String, Object> current = jdbc.queryForMap("SELECT state, attempts, last_error FROM erp_ai.erp_outbound"
                    + " WHERE message_key = ?", number + "-r2");
            return "SENT".equals(current.get("state")) ? current : null;
        });
        // the first attempt (two tries: the ERP answered 503 twice) failed; the second was sent
        assertThat(row.get("attempts")).as("requests: %s", erp.requests()).isEqualTo(2);
        assertThat(erp.requests()).filteredOn(r -> r.startsWith("POST /api/estimates")).hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * A replica killed mid-send held its claim for 5 minutes; now the message is sent again as soon as the
     * replica is presumed dead (its heartbeat row an hour old here: the next sweep, within seconds).
     */
    @Test
    void aMessageClaimedByADeadReplicaIsSentWithoutWaitingOutTheClaim() {
        String number = "Q-DEAD-" + run;
        String deadReplica = "gone-host/1/" + run;
        jdbc.update("INSERT INTO shared.job_executor_nodes VALUES (?, 'gone-host', now() - interval '1 hour',"
                + " now() - interval '1 hour')", deadReplica);
        jdbc.update("INSERT INTO erp_ai.erp_outbound (message_key, payload, state, attempts, next_attempt_at,"
                + " created_at, claimed_by) VALUES (?, ?, 'PENDING', 0, now() + interval '5 minutes', now(), ?)",
                number + "-r1", "{\"estimateNumber\":\"" + number + "\",\"revision\":1}", deadReplica);

        await(() -> erp.received().stream()
                .filter(message -> number.equals(message.path("estimateNumber").asText())).findFirst().orElse(null));
        Map<String, Object> row = await(() -> {
            Map<String, Object> current = jdbc.queryForMap("SELECT state, claimed_by FROM erp_ai.erp_outbound"
                    + " WHERE message_key = ?", number + "-r1");
            return "SENT".equals(current.get("state")) ? current : null;
        });
        assertThat(row.get("claimed_by")).as("no claim left on a sent message").isNull();
    }

    @Test
    void aRolledBackApprovalSendsNothing() {
        String number = "Q-RB-" + run;

        transaction.executeWithoutResult(status -> {
            events.publishEvent(new EstimateApproved(2L, number, 1, "C-OUT", BigDecimal.TEN, "sales1"));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.erp_outbound WHERE message_key = ?", Long.class,
                number + "-r1")).isZero();
    }

    private static <T> T await(Supplier<T> probe) {
        return Await.until("the outbound message", probe);
    }
}
