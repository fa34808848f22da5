package com.kis.estimator.platform.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ApiOperation;
import com.kis.estimator.OpenApiContract;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.TestTokens;

/**
 * Property-based fuzzing of the whole API as an outside integrator would try it: every operation of the OpenAPI
 * document, called as admin and as sales1 with requests generated from the document's own schemas (seeded, so a
 * failure names the seed and the request that repeats it), mostly well-formed and partly hostile. For every
 * answer: never a 500; every 4xx and 5xx is application/problem+json with a type; the document describes the
 * answer, and the request too when it was accepted ({@link OpenApiContract}); and no 4xx writes a row.
 *
 * <p>Rows are compared before and after each request (count and newest row version per table of our schemas).
 * The context has a database of its own and no background work (no job executor, no inbox or outbox polling),
 * so any change during a refused request is the request's own. Refusals are audited on purpose: the audit
 * log and its event transport are not compared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@AutoConfigureObservability
@ContextConfiguration(initializers = ApiFuzzTest.QuietDatabase.class)
class ApiFuzzTest {

    /** Requests per operation and user; about 1,500 requests in all. */
    private static final int PER_OPERATION = 12;
    private static final long SEED = Long.getLong("kis.fuzz.seed", 20261205L);
    private static final List<String> USERS = List.of("admin", "sales1");
    /** Tables written by requests' followers or by the clock (each node's heartbeat), never by the request itself. */
    private static final List<String> NOT_COMPARED = List.of("shared.audit_logs", "shared.audit_chain_head",
            "shared.event_publication", "shared.flyway_schema_history", "shared.users", "shared.job_executor_nodes");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noInputGetsA500OrAnUnexplainedRefusalOrWritesWhenRefused() throws Exception {
        JsonNode document = new ObjectMapper().readTree(OpenApiContract.document(port));
        String snapshotQuery = snapshotQuery();
        for (String user : USERS) {
            send(user, new Generated("GET", "/api/v1/auth/me", null, null)); // the first sight of a user is recorded
        }
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        // a stream answers for as long as it is listened to: LiveUpdatesTest tries its door
        List<ApiOperation> operations = ApiOperation.all(document).stream().filter(op -> !op.streams()).toList();
        for (int index = 1; index <= operations.size(); index++) {
            ApiOperation operation = operations.get(index - 1);
            for (String user : USERS) {
                Random random = new Random(SEED * 31 + index * 7L + user.hashCode());
                SchemaValues values = new SchemaValues(document, random, 0.25);
                for (int i = 0; i < PER_OPERATION; i++) {
                    Generated request = generate(operation, values, random);
                    List<Map<String, Object>> before = jdbc.queryForList(snapshotQuery);
                    HttpResponse<String> answer = send(user, request);
                    requests++;
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    String problem = check(answer);
                    if (problem == null) {
                        problem = OpenApiContract.violations(port, request.exchange(user, answer));
                    }
                    if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
                        List<Map<String, Object>> after = jdbc.queryForList(snapshotQuery);
                        if (!after.equals(before)) {
                            problem = "a refused request wrote: " + changed(before, after);
                        }
                    } else if (answer.statusCode() < 300) {
                        settle(snapshotQuery);
                    }
                    if (problem != null) {
                        failures.add(user + " " + request + " → " + answer.statusCode() + ": " + problem
                                + " (seed " + SEED + ")\n    " + abbreviate(answer.body()));
                    }
                }
            }
        }
        System.out.printf("API fuzz: %d operations, %d requests, statuses %s, failures %d%n", operations.size(), requests,
                statuses, failures.size());
        assertThat(operations).hasSizeGreaterThan(50);
        assertThat(failures).isEmpty();
    }

    private static String check(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status == 500 || (status > 500 && status != 503)) {
            return "a server error";
        }
        if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "not problem+json but '" + type + "'";
            }
            if (!answer.body().contains("\"type\":\"/problems/")) {
                return "a problem without a type";
            }
        }
        return null;
    }

    record Generated(String method, String uri, String contentType, byte[] body) {

        HttpHeaders headers(String user) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(TestTokens.of(user));
            if (contentType != null) {
                headers.set(HttpHeaders.CONTENT_TYPE, contentType);
            }
            return headers;
        }

        OpenApiContract.Exchange exchange(String user, HttpResponse<String> answer) {
            HttpHeaders answerHeaders = new HttpHeaders();
            answer.headers().map().forEach(answerHeaders::addAll);
            return new OpenApiContract.Exchange(method, URI.create("http://127.0.0.1" + uri), headers(user),
                    body == null ? new byte[0] : body, answer.statusCode(), answerHeaders,
                    answer.body().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return method + " " + uri + (body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private static Generated generate(ApiOperation operation, SchemaValues values, Random random) {
        String method = operation.method();
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String value = values.parameter(parameter.path("schema"));
            if ("path".equals(parameter.path("in").asText())) {
                path = path.replace("{" + name + "}", encode(value.isEmpty() ? "x" : value));
            } else if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                String single = parameter.path("schema").path("type").asText().equals("array")
                        ? values.parameter(parameter.path("schema").path("items")) : value;
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(single));
            }
        }
        if (random.nextDouble() < 0.05) {
            query.append(query.isEmpty() ? "?" : "&").append("unexpected=1");
        }
        JsonNode content = operation.requestContent();
        if (content.has("multipart/form-data")) {
            return multipart(method, path + query, random);
        }
        if (!content.has("application/json")) {
            return new Generated(method, path + query, null, random.nextDouble() < 0.1 ? "{\"x\":1}".getBytes() : null);
        }
        String body = switch (random.nextInt(20)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[]";
            case 3 -> "null";
            case 4 -> "[".repeat(2000);
            default -> values.of(content.path("application/json").path("schema")).toString();
        };
        return new Generated(method, path + query, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Generated multipart(String method, String uri, Random random) {
        byte[] file = new byte[random.nextInt(2000)];
        random.nextBytes(file);
        String start = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String end = random.nextInt(4) == 0 ? "" : "\r\n--B--\r\n"; // sometimes cut off
        byte[] body = new byte[start.length() + file.length + end.length()];
        System.arraycopy(start.getBytes(StandardCharsets.US_ASCII), 0, body, 0, start.length());
        System.arraycopy(file, 0, body, start.length(), file.length);
        System.arraycopy(end.getBytes(StandardCharsets.US_ASCII), 0, body, start.length() + file.length, end.length());
        return new Generated(method, uri, "multipart/form-data; boundary=B", body);
    }

    private HttpResponse<String> send(String user, Generated generated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + generated.uri()))
                .timeout(Duration.ofSeconds(60))
                .method(generated.method(), generated.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(generated.body()));
        generated.headers(user).forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One row per table: its rows and its newest row version; any insert, update or delete changes one. */
    private String snapshotQuery() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema IN ('estimator', 'erp_ai', 'shared') AND table_type = 'BASE TABLE'
                ORDER BY 1""", String.class);
        return tables.stream().filter(table -> !NOT_COMPARED.contains(table))
                .map(table -> "SELECT '" + table + "' AS t, COUNT(*) AS n, MAX(xmin::text::bigint) AS v FROM " + table)
                .reduce((a, b) -> a + " UNION ALL " + b).orElseThrow() + " ORDER BY 1";
    }

    /** After an accepted request its asynchronous followers (events, audit) finish before the next request. */
    private void settle(String snapshotQuery) throws InterruptedException {
        List<Map<String, Object>> last = jdbc.queryForList(snapshotQuery);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            List<Map<String, Object>> now = jdbc.queryForList(snapshotQuery);
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static String changed(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        Map<Object, Map<String, Object>> was = new LinkedHashMap<>();
        before.forEach(row -> was.put(row.get("t"), row));
        return after.stream().filter(row -> !row.equals(was.get(row.get("t")))).map(row -> row.get("t").toString())
                .toList().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The shared test settings on a database of this test's own, with every background writer off. */
    static class QuietDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            PostgresTestDatabase database = PostgresTestDatabase.createFresh("kis_test_fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
            Map<String, Object> properties = PostgresIntegrationTest.SharedDatabase.properties(database);
            properties.put("camunda.bpm.job-execution.enabled", "false");
            properties.put("kis.erp.inbox.enabled", "false");
            properties.put("kis.ocr.inbox.enabled", "false");
            properties.put("kis.erp.outbound.poll-period", "3600000");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kis-fuzz", properties));
        }
    }
}
