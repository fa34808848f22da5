package com.kis.estimator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.audit.chain.AuditChainer;

/**
 * The audit log on PostgreSQL: changes and refusals leave rows with user, trace id, client address and outcome;
 * the chain verifies, and a row changed behind the application's back is named; the users and the policy table
 * are mirrored into {@code shared}.
 */
@PostgresIntegrationTest
class AuditTrailTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditChainer chainer;

    @Test
    void changesAndRefusalsAreRecordedWithWhoWhenWhereAndOutcome() {
        var created = JsonHttp.as(rest, "admin").post("/api/v1/products", """
                {"code":"T-AUD-%s","name":"감사 품목","category":"T-AUD","unit":"EA","listPrice":1000,"cost":600}"""
                .formatted(run));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var refused = JsonHttp.as(rest, "sales1").post("/api/v1/products", "{}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var anonymous = rest.getForEntity("/api/v1/products?run=" + run, JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        Map<String, Object> change = jdbc.queryForMap("SELECT * FROM shared.audit_logs WHERE action = 'product.create' "
                + "AND user_id = 'admin' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
        assertThat(change).containsEntry("target", "POST /api/v1/products").containsEntry("outcome", "ok:201")
                .containsEntry("trace_id", created.getHeaders().getFirst("X-Trace-Id"))
                .containsEntry("client_ip", "127.0.0.1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'access.denied' "
                + "AND user_id = 'sales1' AND outcome = 'denied:forbidden' AND detail = 'needs catalog:write' "
                + "AND trace_id = ?", Integer.class, refused.getHeaders().getFirst("X-Trace-Id"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'access.denied' "
                + "AND user_id IS NULL AND outcome = 'denied:unauthorized' AND target = ?", Integer.class,
                "GET /api/v1/products")).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM estimator.products WHERE code = ?", Integer.class,
                "T-AUD-" + run)).isEqualTo(1);
    }

    @Test
    void theChainVerifiesAndATamperedRowIsNamed() {
        JsonHttp.as(rest, "admin").post("/api/v1/products", """
                {"code":"T-AUD2-%s","name":"감사 품목 2","category":"T-AUD","unit":"EA","listPrice":1000,"cost":600}"""
                .formatted(run));
        chainer.chainPending();
        JsonHttp ops = JsonHttp.as(rest, "ops1");
        JsonNode intact = ops.get("/api/v1/audit/verify").getBody();
        assertThat(intact.path("valid").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("verifiedRows").asLong()).isPositive();

        long victim = jdbc.queryForObject("SELECT min(id) FROM shared.audit_logs WHERE chain_seq IS NOT NULL "
                + "AND action = 'product.create' AND user_id = 'admin'", Long.class);
        String original = jdbc.queryForObject("SELECT outcome FROM shared.audit_logs WHERE id = ?", String.class, victim);
        jdbc.update("UPDATE shared.audit_logs SET outcome = 'failed:500' WHERE id = ?", victim);
        try {
            JsonNode tampered = ops.get("/api/v1/audit/verify").getBody();

            assertThat(tampered.path("valid").asBoolean()).isFalse();
            assertThat(tampered.path("brokenRowId").asLong()).isEqualTo(victim);
            assertThat(tampered.path("reason").asText()).contains("content does not match");
        } finally {
            jdbc.update("UPDATE shared.audit_logs SET outcome = ? WHERE id = ?", original, victim);
        }
        assertThat(ops.get("/api/v1/audit/verify").getBody().path("valid").asBoolean()).isTrue();

        Map<String, Object> removed = jdbc.queryForMap("SELECT * FROM shared.audit_logs WHERE id = ?", victim);
        jdbc.update("DELETE FROM shared.audit_logs WHERE id = ?", victim);
        try {
            JsonNode gap = ops.get("/api/v1/audit/verify").getBody();

            assertThat(gap.path("valid").asBoolean()).isFalse();
            assertThat(gap.path("brokenSeq").asLong()).isEqualTo(((Number) removed.get("chain_seq")).longValue() + 1);
            assertThat(gap.path("reason").asText()).contains("missing");
        } finally {
            jdbc.update("INSERT INTO shared.audit_logs (id, occurred_at, user_id, trace_id, client_ip, action, target, "
                    + "outcome, detail, chain_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    removed.get("id"), removed.get("occurred_at"), removed.get("user_id"), removed.get("trace_id"),
                    removed.get("client_ip"), removed.get("action"), removed.get("target"), removed.get("outcome"),
                    removed.get("detail"), removed.get("chain_seq"), removed.get("prev_hash"), removed.get("hash"));
        }
        assertThat(ops.get("/api/v1/audit/verify").getBody().path("valid").asBoolean()).isTrue();
        assertThat(JsonHttp.as(rest, "sales1").get("/api/v1/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void usersAndThePolicyTableAreMirroredIntoShared() {
        JsonHttp.as(rest, "sales2").get("/api/v1/auth/me");

        assertThat(jdbc.queryForMap("SELECT roles, teams FROM shared.users WHERE id = 'sales2'"))
                .containsEntry("roles", "sales").containsEntry("teams", "team-busan");
        assertThat(jdbc.queryForList("SELECT permission FROM shared.permissions WHERE role_id = 'approver' "
                + "ORDER BY permission", String.class))
                .containsExactly("ai:predict", "catalog:read", "estimate:approve", "estimate:read");
        assertThat(jdbc.queryForObject("SELECT needs_mfa FROM shared.permissions WHERE role_id = 'manager' "
                + "AND permission = 'estimate:approve'", Boolean.class)).isTrue();
    }
}
