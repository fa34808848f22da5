package com.kis.estimator.platform.web;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;

/**
 * Issue 20's loose types and odd corners: JSON is read as the document types it, a misspelt property or query
 * parameter is refused rather than dropped, and the methods and paths nobody serves answer a problem, not an
 * empty 400, a 403 with an ERROR line, or a 404 of the wrong resource. None of the refusals writes a row.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StrictRequestsTest {

    private static final String MALFORMED = "/problems/malformed-request";

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void scalarsAreNotCoercedAndMisspeltPropertiesAreRefused() {
        JsonHttp admin = JsonHttp.as(anonymous, "admin");
        long templates = count("estimator.estimate_templates");
        long priceLists = count("estimator.price_lists");
        String line = "\"items\":[{\"productCode\":\"P-1\",\"quantity\":1}]";
        for (String name : new String[] {"false", "0", "1.5", "[\"a\"]", "{}"}) {
            assertProblem(admin.post("/api/v1/estimates/templates", "{\"name\":" + name + "," + line + "}"),
                    HttpStatus.BAD_REQUEST, MALFORMED, "name");
            assertProblem(admin.post("/api/v1/price-lists", "{\"name\":" + name + ",\"entries\":[]}"),
                    HttpStatus.BAD_REQUEST, MALFORMED, "name");
        }
        ResponseEntity<JsonNode> typo = admin.post("/api/v1/estimates/templates",
                "{\"name\":\"T\",\"discountRte\":5," + line + "}");
        assertProblem(typo, HttpStatus.BAD_REQUEST, MALFORMED, "discountRte");
        assertThat(typo.getBody().at("/errors/0/message").asText()).contains("discountRate");
        assertProblem(admin.post("/api/v1/estimates/templates",
                "{\"name\":\"T\",\"items\":[{\"productCode\":\"P-1\",\"quantity\":\"1\"}]}"),
                HttpStatus.BAD_REQUEST, MALFORMED, "items[0].quantity");
        assertProblem(admin.post("/api/v1/estimates/templates", "{\"name\":\"T\",\"items\":[]}"),
                HttpStatus.BAD_REQUEST, "/problems/validation", "items");
        // PostgreSQL text cannot hold U+0000: the fuzzer's 500 on a training reason, refused at the field instead
        ResponseEntity<JsonNode> nul = admin.post("/api/v1/estimates/templates",
                "{\"name\":\"T\\u0000\"," + line + "}");
        assertProblem(nul, HttpStatus.BAD_REQUEST, MALFORMED, "name");
        assertThat(nul.getBody().at("/errors/0/message").asText()).contains("U+0000");
        assertProblem(admin.post("/api/v1/estimates/templates",
                "{\"name\":\"T\",\"items\":[{\"productCode\":\"P\\u0000\",\"quantity\":1}]}"),
                HttpStatus.BAD_REQUEST, MALFORMED, "items[0].productCode");
        long models = count("erp_ai.ml_models");
        assertProblem(admin.post("/api/v1/ai/models/train", "{\"reason\":\"\\u0000\"}"),
                HttpStatus.BAD_REQUEST, MALFORMED, "reason");
        assertThat(count("erp_ai.ml_models")).isEqualTo(models);
        for (String body : new String[] {"null", "0", "false", "[]", "\"{}\"", ""}) {
            assertProblem(admin.post("/api/v1/estimates/templates", body), HttpStatus.BAD_REQUEST, MALFORMED);
        }
        assertThat(count("estimator.estimate_templates")).isEqualTo(templates);
        assertThat(count("estimator.price_lists")).isEqualTo(priceLists);
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIsRefused() {
        JsonHttp admin = JsonHttp.as(anonymous, "admin");
        ResponseEntity<JsonNode> typo = admin.get("/api/v1/audit/logs?usr=admin");
        assertProblem(typo, HttpStatus.BAD_REQUEST, "/problems/invalid-parameter", "usr");
        assertThat(typo.getBody().at("/errors/0/message").asText()).contains("user");
        assertProblem(admin.get("/api/v1/products?q=x&categry=A"), HttpStatus.BAD_REQUEST,
                "/problems/invalid-parameter", "categry");
        assertThat(admin.get("/api/v1/audit/logs?user=admin&limit=5").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.get("/api/v1/products?q=x&category=A&page=0&size=5&sort=code").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBodyWhereTheOperationTakesNoneIsRefused() {
        JsonHttp sales = JsonHttp.as(anonymous, "sales1");
        ResponseEntity<JsonNode> dropped = sales.post("/api/v1/estimates/987654321/submit", "{\"comment\":\"urgent\"}");
        assertProblem(dropped, HttpStatus.BAD_REQUEST, MALFORMED);
        assertThat(dropped.getBody().path("detail").asText()).contains("takes no request body");
        // an empty object is what clients send for a POST without content: it reaches the handler
        assertProblem(sales.post("/api/v1/estimates/987654321/submit", " { } "), HttpStatus.NOT_FOUND,
                "/problems/not-found");
    }

    @Test
    void methodsAndPathsNobodyServesAnswerAProblem(CapturedOutput output) throws IOException {
        TestRestTemplate sales = JsonHttp.signedIn(anonymous, "sales1");
        for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.DELETE}) {
            ResponseEntity<JsonNode> answer = sales.exchange("/api/v1/estimates/templates", method,
                    new HttpEntity<>("{}", json()), JsonNode.class);
            assertProblem(answer, HttpStatus.METHOD_NOT_ALLOWED, "/problems/method-not-allowed");
        }
        ResponseEntity<String> options = sales.exchange("/api/v1/estimates", HttpMethod.OPTIONS, null, String.class);
        assertThat(options.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(options.getHeaders().getAllow()).contains(HttpMethod.GET, HttpMethod.POST);
        assertThat(output.getOut()).doesNotContain("declares no permission");

        JsonNode trace = raw("TRACE /api/v1/estimates HTTP/1.1", 405);
        assertThat(trace.path("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(trace.path("instance").asText()).isEqualTo("/api/v1/estimates");
        JsonNode dotDot = raw("GET /api/v1/estimates/..%2F..%2Fetc%2Fpasswd HTTP/1.1", 400);
        assertThat(dotDot.path("traceId").asText()).hasSize(32);
        assertThat(dotDot.path("detail").asText()).doesNotContain("headers are larger");
        assertThat(output.getOut()).contains(dotDot.path("traceId").asText());
        // the same outside the API: the webapps' paths are no softer door
        assertThat(raw("TRACE /camunda/app/tasklist/ HTTP/1.1", 405).path("type").asText())
                .isEqualTo("/problems/method-not-allowed");
        assertThat(raw("GET /camunda/app/..%2F..%2Fetc%2Fpasswd HTTP/1.1", 400).path("traceId").asText()).hasSize(32);
        assertThat(raw("GET /camunda/app/tasklist/%5C..%5C HTTP/1.1", 400).path("type").asText())
                .startsWith("/problems/");
    }

    /** A request as sent on the wire; HTTP clients normalise paths and refuse TRACE bodies. */
    private JsonNode raw(String requestLine, int status) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 " + status).containsIgnoringCase("application/problem+json");
            return new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)
                    .replaceAll("^[0-9a-f]+\r\n", ""));
        }
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
