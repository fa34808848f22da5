package com.kis.estimator.security;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.TestTokens;

/**
 * The API against the real Keycloak with keycloak/kis-realm.json: password grants, the second factor for
 * approvers, what each kind of bad token gets (401, nothing changed), and object-level visibility.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private final String product = "T-SEC-P-" + run;
    private final String customer = "T-SEC-C-" + run;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;

    @BeforeAll
    void catalog() {
        JsonHttp admin = JsonHttp.as(rest, "admin");
        assertThat(admin.post("/api/v1/products", """
                {"code":"%s","name":"보안 품목","category":"T-SEC","unit":"EA","listPrice":100000,"cost":60000}"""
                .formatted(product)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(admin.post("/api/v1/customers", """
                {"code":"%s","name":"(주)보안시험","businessRegistrationNumber":"124-81-00998","tier":"B"}"""
                .formatted(customer)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void salesCreatesAnEstimateWithAPasswordGrantToken() {
        JsonNode grant = TestTokens.grant(Map.of("username", "sales1", "password", "sales1")).body();
        JsonHttp sales1 = new JsonHttp(JsonHttp.withToken(rest, grant.path("access_token").asText()));

        ResponseEntity<JsonNode> created = sales1.post("/api/v1/estimates", estimateBody());

        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("owner").asText()).isEqualTo("sales1");
        JsonNode me = sales1.get("/api/v1/auth/me").getBody();
        assertThat(me.path("roles").toString()).isEqualTo("[\"sales\"]");
        assertThat(me.path("teams").toString()).isEqualTo("[\"team-seoul\"]");
        assertThat(me.path("mfa").asBoolean()).isFalse();
    }

    @Test
    void approversGetATokenOnlyWithTheirSecondFactor() {
        var withoutCode = TestTokens.grant(Map.of("username", "approver1", "password", "approver1"));
        assertThat(withoutCode.body().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(withoutCode.body().has("access_token")).isFalse();

        String token = TestTokens.of("approver1");

        assertThat(claims(token).path("amr").toString()).contains("\"otp\"");
        JsonNode me = new JsonHttp(JsonHttp.withToken(rest, token)).get("/api/v1/auth/me").getBody();
        assertThat(me.path("mfa").asBoolean()).isTrue();
        assertThat(me.path("permissions").toString()).contains("estimate:approve");
    }

    @Test
    void approvingNeedsTheApprovePermissionAndASecondFactor() {
        long id = submittedEstimate();
        String noMfa = TestTokens.ofClient(KeycloakTestServer.NO_MFA_CLIENT);
        assertThat(claims(noMfa).path("realm_access").path("roles").toString()).contains("approver");

        assertProblem(new JsonHttp(JsonHttp.withToken(rest, noMfa)).post(approve(id), "{\"decision\":\"APPROVE\"}"),
                HttpStatus.FORBIDDEN, "/problems/mfa-required");
        assertProblem(JsonHttp.as(rest, "sales1").post(approve(id), "{\"decision\":\"APPROVE\"}"),
                HttpStatus.FORBIDDEN, "/problems/forbidden");

        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM estimator.estimate_approvals WHERE estimate_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void requestsWithoutAValidTokenAre401AndChangeNothing() throws Exception {
        String valid = TestTokens.of("sales1");
        String[] parts = valid.split("\\.");
        String expiring = TestTokens.grant(Map.of("client_id", KeycloakTestServer.SHORT_LIVED_CLIENT,
                "client_secret", KeycloakTestServer.TEST_CLIENT_SECRET, "username", "sales1", "password", "sales1"))
                .body().path("access_token").asText();
        String otherAudience = TestTokens.ofClient(KeycloakTestServer.OTHER_AUDIENCE_CLIENT);
        String otherIssuer = TestTokens.grant("master", Map.of("client_id", "admin-cli",
                "username", KeycloakTestServer.MASTER_ADMIN, "password", KeycloakTestServer.MASTER_ADMIN))
                .body().path("access_token").asText();
        Thread.sleep(4_000); // the short-lived token (2 s) is now expired beyond the test's 1 s clock skew
        Map<String, String> tokens = Map.of(
                "expired", expiring,
                "forged signature", parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("not the realm's signature".getBytes(StandardCharsets.UTF_8)),
                "alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".",
                "truncated", valid.substring(0, valid.length() - 12),
                "malformed", "not-a-jwt",
                "other audience", otherAudience,
                "other issuer", otherIssuer);
        int before = estimates();

        assertProblem(rest.postForEntity("/api/v1/estimates", jsonEntity(estimateBody(), null), JsonNode.class),
                HttpStatus.UNAUTHORIZED, "/problems/unauthorized");
        tokens.forEach((kind, token) -> {
            ResponseEntity<JsonNode> answer = rest.postForEntity("/api/v1/estimates", jsonEntity(estimateBody(), token),
                    JsonNode.class);
            assertThat(answer.getStatusCode()).as(kind).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getContentType()).as(kind).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).as(kind).startsWith("Bearer");
        });

        assertThat(estimates()).isEqualTo(before);
    }

    @Test
    void anEstimateYouMayNotSeeIsNotFound() {
        long id = JsonHttp.as(rest, "sales1").post("/api/v1/estimates", estimateBody()).getBody().path("id").asLong();

        assertProblem(JsonHttp.as(rest, "sales2").get("/api/v1/estimates/" + id), HttpStatus.NOT_FOUND, "/problems/not-found");
        assertProblem(JsonHttp.as(rest, "sales2").post("/api/v1/estimates/" + id + "/submit", "{}"),
                HttpStatus.NOT_FOUND, "/problems/not-found");
        assertThat(JsonHttp.as(rest, "sales2").get("/api/v1/estimates?customer=" + customer).getBody()
                .path("content").findValuesAsText("id")).doesNotContain(Long.toString(id));
        assertProblem(JsonHttp.as(rest, "approver1").get("/api/v1/estimates/" + id), HttpStatus.NOT_FOUND,
                "/problems/not-found");
        assertThat(JsonHttp.as(rest, "ops1").get("/api/v1/estimates/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(JsonHttp.as(rest, "sales1").post("/api/v1/estimates/" + id + "/submit", "{}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        assertThat(JsonHttp.as(rest, "approver1").get("/api/v1/estimates/" + id).getStatusCode())
                .as("waits for the approver group").isEqualTo(HttpStatus.OK);
        assertThat(JsonHttp.as(rest, "approver1").get("/api/v1/estimates?customer=" + customer).getBody()
                .path("content").findValuesAsText("id")).contains(Long.toString(id));
        assertProblem(JsonHttp.as(rest, "manager1").get("/api/v1/estimates/" + id), HttpStatus.NOT_FOUND,
                "/problems/not-found");
        assertProblem(JsonHttp.as(rest, "sales2").get("/api/v1/estimates/" + id), HttpStatus.NOT_FOUND,
                "/problems/not-found");
    }

    @Test
    void engineRestNeedsATokenAndAppliesCamundaAuthorizations() {
        // Camunda's REST API finds its engine in a JVM-wide registry; application contexts that other test
        // classes started and closed in this JVM may have replaced this context's entry.
        ProcessEngines.registerProcessEngine(engine);
        long id = submittedEstimate();
        String number = JsonHttp.as(rest, "ops1").get("/api/v1/estimates/" + id).getBody().path("number").asText();

        assertThat(rest.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode asOps = JsonHttp.as(rest, "ops1").get("/engine-rest/process-instance?businessKey=" + number).getBody();
        assertThat(asOps.findValuesAsText("businessKey")).containsExactly(number);
        JsonNode asSales = JsonHttp.as(rest, "sales1").get("/engine-rest/process-instance?businessKey=" + number).getBody();
        assertThat(asSales.isArray()).isTrue();
        assertThat(asSales).as("sales may not read process instances in Camunda").isEmpty();
        JsonNode approverTasks = JsonHttp.as(rest, "approver1").get("/engine-rest/task?processInstanceBusinessKey=" + number)
                .getBody();
        assertThat(approverTasks.findValuesAsText("name")).singleElement().asString().startsWith(number);
        assertThat(JsonHttp.as(rest, "manager1").get("/engine-rest/task?processInstanceBusinessKey=" + number).getBody())
                .as("not a candidate").isEmpty();
    }

    private long submittedEstimate() {
        JsonHttp sales1 = JsonHttp.as(rest, "sales1");
        long id = sales1.post("/api/v1/estimates", estimateBody()).getBody().path("id").asLong();
        assertThat(sales1.post("/api/v1/estimates/" + id + "/submit", "{}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return id;
    }

    private String estimateBody() {
        return """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":1}]}""".formatted(customer, product);
    }

    private static String approve(long id) {
        return "/api/v1/estimates/" + id + "/approve";
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM estimator.estimates WHERE id = ?", String.class, id);
    }

    private int estimates() {
        return jdbc.queryForObject("SELECT count(*) FROM estimator.estimates", Integer.class);
    }

    private static org.springframework.http.HttpEntity<String> jsonEntity(String body, String token) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
