package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.NoPermissionNeeded;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * The conventions every /api/v1 endpoint inherits, on the prod profile against the real PostgreSQL and Redis:
 * problem+json with stable types, field-level validation errors, the trace id on every response, OpenAPI and
 * the kis_ metrics.
 */
@PostgresIntegrationTest
@Import(ApiConventionsTest.ProbeController.class)
class ApiConventionsTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        http = JsonHttp.signedIn(anonymous, "sales1");
    }

    @Test
    void unknownApiPathIsANotFoundProblemCarryingTheTraceId() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/no-such-thing", JsonNode.class);

        assertProblem(response, HttpStatus.NOT_FOUND, "/problems/not-found");
        assertThat(response.getBody().path("instance").asText()).isEqualTo("/api/v1/no-such-thing");
        assertThat(response.getBody().path("traceId").asText())
                .isEqualTo(response.getHeaders().getFirst("X-Trace-Id"))
                .matches("[0-9a-f]{32}");
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        ResponseEntity<JsonNode> response = post("/api/v1/test-probe/quotes", "{\"customer\":\"\",\"quantity\":-3}");

        assertProblem(response, HttpStatus.BAD_REQUEST, "/problems/validation");
        assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("customer", "quantity");
    }

    @Test
    void unreadableJsonIsAMalformedRequestWithoutJavaInternals() {
        ResponseEntity<JsonNode> response = post("/api/v1/test-probe/quotes", "{\"customer\": ");

        assertProblem(response, HttpStatus.BAD_REQUEST, "/problems/malformed-request");
        assertThat(response.getBody().path("detail").asText()).doesNotContain("com.kis", "Jackson");
    }

    @Test
    void wrongParameterTypeAndWrongMethodHaveTheirOwnTypes() {
        assertProblem(http.getForEntity("/api/v1/test-probe/quotes/not-a-number", JsonNode.class),
                HttpStatus.BAD_REQUEST, "/problems/invalid-parameter");
        assertProblem(http.exchange("/api/v1/health", HttpMethod.DELETE, null, JsonNode.class),
                HttpStatus.METHOD_NOT_ALLOWED, "/problems/method-not-allowed");
    }

    @Test
    void moduleProblemsKeepTheirTypeAndProperties() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/test-probe/quotes/409", JsonNode.class);

        assertProblem(response, HttpStatus.CONFLICT, "/problems/conflict");
        assertThat(response.getBody().path("currentVersion").asInt()).isEqualTo(7);
    }

    @Test
    void collidingDataIsAConflictWithoutSql() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/test-probe/quotes/23505", JsonNode.class);

        assertProblem(response, HttpStatus.CONFLICT, "/problems/conflict");
        assertThat(response.getBody().toString()).doesNotContain("uq_quote_code", "INSERT");
    }

    @Test
    void unexpectedFailureIsAnInternalErrorThatRevealsNothing() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/test-probe/quotes/500", JsonNode.class);

        assertProblem(response, HttpStatus.INTERNAL_SERVER_ERROR, "/problems/internal-error");
        assertThat(response.getBody().toString()).doesNotContain("secret-internal-state", "Exception");
    }

    @Test
    void incomingW3cTraceIsContinuedAndEchoed() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        ResponseEntity<String> response = http.exchange("/api/v1/health", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void healthIsPublishedUnderApiV1() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheApi() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.path("info").path("title").asText()).isEqualTo("KIS Estimator API");
        assertThat(api.path("paths").has("/api/v1/health")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void prometheusExposesWorkflowMetricsWithTheKisPrefix() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);

        assertThat(metrics).contains("kis_workflow_incidents_open{application=\"kis-estimator\"}",
                "kis_workflow_jobs_failed", "kis_workflow_instances_active");
    }

    /**
     * Prometheus before 2.43 (Debian 12's is 2.42) drops a whole scrape that carries an exemplar on a {@code _count}
     * line ("does not support exemplars"), and OpenMetrics is what it asks for. We serve no exemplars: there is no
     * trace store to link them to, and the traceId is in the logs.
     */
    @Test
    void theOpenMetricsAnswerCarriesNoExemplarsSoThatOlderPrometheusServersCanScrapeIt() {
        http.getForEntity("/api/v1/health", String.class);
        HttpHeaders openMetrics = new HttpHeaders();
        openMetrics.set(HttpHeaders.ACCEPT, "application/openmetrics-text;version=1.0.0");

        ResponseEntity<String> scrape = http.exchange("/actuator/prometheus", HttpMethod.GET,
                new HttpEntity<>(openMetrics), String.class);

        assertThat(scrape.getHeaders().getContentType()).hasToString("application/openmetrics-text;version=1.0.0;charset=utf-8");
        assertThat(scrape.getBody()).contains("http_server_requests_seconds_count").doesNotContain(" # {");
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        HttpHeaders headers = http.getForEntity("/api/v1/auth/me", JsonNode.class).getHeaders();

        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    }

    @Test
    void onlyTheWebUiOriginMayCallTheApiFromABrowser() {
        HttpHeaders preflight = new HttpHeaders();
        preflight.setOrigin("http://localhost:5173");
        preflight.setAccessControlRequestMethod(HttpMethod.POST);
        preflight.setAccessControlRequestHeaders(List.of("Authorization", "Content-Type"));
        ResponseEntity<String> allowed = anonymous.exchange("/api/v1/estimates", HttpMethod.OPTIONS,
                new HttpEntity<>(preflight), String.class);
        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allowed.getHeaders().getAccessControlAllowOrigin()).isEqualTo("http://localhost:5173");

        preflight.setOrigin("https://evil.example");
        ResponseEntity<String> refused = anonymous.exchange("/api/v1/estimates", HttpMethod.OPTIONS,
                new HttpEntity<>(preflight), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    @Test
    void oversizedBodiesAndHeadersAreRefusedWithAProblem() {
        String huge = "{\"customer\":\"" + "가".repeat(1_100_000) + "\",\"quantity\":1}";
        ResponseEntity<JsonNode> tooLarge = post("/api/v1/test-probe/quotes", huge);
        assertProblem(tooLarge, HttpStatus.PAYLOAD_TOO_LARGE, "/problems/payload-too-large");

        HttpHeaders bloated = new HttpHeaders();
        bloated.set("X-Padding", "x".repeat(20_000));
        ResponseEntity<JsonNode> headers = http.exchange("/api/v1/auth/me", HttpMethod.GET, new HttpEntity<>(bloated),
                JsonNode.class);
        assertProblem(headers, HttpStatus.BAD_REQUEST, "/problems/headers-too-large");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'access.denied' "
                + "AND outcome = 'denied:headers-too-large' AND trace_id = ?", Integer.class,
                headers.getHeaders().getFirst("X-Trace-Id"))).isEqualTo(1);

        bloated.set("X-Padding", "x".repeat(70_000));
        ResponseEntity<String> beyondTomcat = http.exchange("/api/v1/auth/me", HttpMethod.GET,
                new HttpEntity<>(bloated), String.class);
        assertThat(beyondTomcat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beyondTomcat.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(beyondTomcat.getBody()).contains("/problems/malformed-request").doesNotContain("Tomcat");
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("type").asText()).isEqualTo(type);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("title").asText()).isNotBlank();
        assertThat(response.getHeaders().getFirst("X-Trace-Id")).isNotBlank();
    }

    /** Endpoints that fail in each way a feature endpoint can, to exercise the platform's error mapping. */
    @RestController
    @NoPermissionNeeded("a test probe of the error mapping")
    static class ProbeController {

        record QuoteRequest(@NotBlank String customer, @Positive int quantity) {
        }

        @PostMapping("/api/v1/test-probe/quotes")
        Map<String, Object> create(@Valid @RequestBody QuoteRequest request) {
            return Map.of("customer", request.customer());
        }

        @GetMapping("/api/v1/test-probe/quotes/{id}")
        Map<String, Object> read(@PathVariable long id) {
            if (id == 409) {
                throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, "Quote was changed",
                        Map.of("currentVersion", 7));
            }
            if (id == 23505) {
                throw new DataIntegrityViolationException("INSERT violates unique constraint uq_quote_code");
            }
            if (id == 500) {
                throw new IllegalStateException("secret-internal-state");
            }
            return Map.of("id", id);
        }
    }
}
