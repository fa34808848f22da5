package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.erp.simulator.ErpSimulator;

/**
 * The ERP pull against the simulator: erp-pull.bpmn → the Camel route (paging, bearer token, updatedSince) →
 * one erp-import run per type, in order, each waited for; retries with backoff; a dead letter as a FAILED run.
 * One test method: the pulls share the ERP's "last completed pull" and must not interleave.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErpPullTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private final ErpSimulator erp = PostgresIntegrationTest.SharedDatabase.erpSimulator();

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TestRestTemplate rest;

    @BeforeAll
    void registerEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void pullsEachTypeInOrderRetriesTheErpAndRecordsWhatFailed() {
        String p = "T-PULL-" + run;
        for (int i = 1; i <= 3; i++) {
            erp.put("products", p + "-" + i, Map.of("품목코드", p + "-" + i, "name", "Pulled " + i,
                    "category", "BREAKER", "unit", "EA", "list_price", 1000 * i, "cost", 500 * i, "active", true));
        }
        erp.put("prices", p + "-1", Map.of("price_list", "PL-" + p, "product_code", p + "-1", "price", 900,
                "valid_from", "2026-01-01"));
        erp.put("customers", p + "-C", Map.of("customer_code", p + "-C", "name", "풀 상사",
                "business_registration_number", "101-81-23455", "tier", "GOLD", "price_list", "PL-" + p));
        erp.failNext("GET /api/products", 2);
        Instant before = Instant.now();

        pull();

        // the first request failed twice (503) and was retried; every request carried the token (else 401)
        List<String> requests = erp.requests();
        assertThat(requests).filteredOn(r -> r.startsWith("GET /api/products")).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(r -> r.contains("page=1&size=2"));
        List<Map<String, Object>> runs = restRuns(before);
        assertThat(runs).extracting(r -> r.get("source") + ":" + r.get("state"))
                .containsExactly("products:COMPLETED", "prices:COMPLETED", "customers:COMPLETED");
        assertThat(runs.get(0).get("inserted")).isEqualTo(3L);
        // each type waited for the one before: prices refer to products, customers to price lists
        assertThat((Timestamp) runs.get(1).get("started_at")).isAfterOrEqualTo((Timestamp) runs.get(0).get("finished_at"));
        assertThat((Timestamp) runs.get(2).get("started_at")).isAfterOrEqualTo((Timestamp) runs.get(1).get("finished_at"));
        assertThat(jdbc.queryForObject("SELECT l.code FROM estimator.customers c JOIN estimator.price_lists l"
                + " ON l.id = c.price_list_id WHERE c.code = ?", String.class, p + "-C")).isEqualTo("PL-" + p);

        // the next pull asks for what changed since the last one (with an overlap: the same rows, unchanged)
        Instant second = Instant.now();
        int seen = erp.requests().size();
        pull();
        assertThat(erp.requests().subList(seen, erp.requests().size()))
                .allMatch(r -> r.contains("updatedSince="));
        assertThat(restRuns(second)).filteredOn(r -> "products".equals(r.get("source")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("unchanged")).isEqualTo(3L);
                    assertThat(r.get("inserted")).isEqualTo(0L);
                });

        // an ERP that keeps failing: retried, then recorded as a FAILED run, and the pull goes on
        Instant third = Instant.now();
        erp.failNext("GET /api/products", 3);
        pull();
        assertThat(restRuns(third)).filteredOn(r -> "FAILED".equals(r.get("state"))).singleElement()
                .satisfies(r -> assertThat(r.get("outcome").toString()).contains("ERP pull failed", "503"));

        JsonNode sync = JsonHttp.as(rest, "ops1").get("/api/v1/erp/sync").getBody();
        assertThat(sync.get("sources").get(0).get("nextScheduledRun").isNull()).isFalse();
    }

    private void pull() {
        String id = runtime.createMessageCorrelation("ErpPullRequested").correlateStartMessage().getId();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (runtime.createProcessInstanceQuery().processInstanceId(id).singleResult() != null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("erp-pull " + id + " did not end; at " + runtime.getActiveActivityIds(id));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<Map<String, Object>> restRuns(Instant since) {
        return jdbc.queryForList("SELECT source, state, inserted, updated, unchanged, outcome, started_at, finished_at"
                + " FROM erp_ai.erp_sync_logs WHERE channel = 'rest' AND started_at >= ? ORDER BY started_at",
                Timestamp.from(since));
    }
}
