package com.kis.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The drills' client of one prod-profile instance: requests as the realm's users (Keycloak tokens), and the
 * salesperson's and approver's round each drill times before, during and after its fault.
 */
public final class ProdClient implements DrillLoad.Door {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public ProdClient(String base) {
        this.base = base;
    }

    /** A product and a customer of the drill's own, created by the administrator. */
    public void catalog(String productCode, String customerCode) throws Exception {
        HttpResponse<String> product = send("admin", "POST", "/api/v1/products", "{\"code\":\"" + productCode
                + "\",\"name\":\"시험 차단기\",\"category\":\"BREAKER\",\"unit\":\"EA\",\"listPrice\":10000,\"cost\":7000}");
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        HttpResponse<String> customer = send("admin", "POST", "/api/v1/customers", "{\"code\":\"" + customerCode
                + "\",\"name\":\"(주)시험\",\"businessRegistrationNumber\":\"124-81-00998\",\"tier\":\"B\"}");
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
    }

    /**
     * Create, read, PDF, submit, approve, and the estimate APPROVED by its job; each step's ms. Every step must
     * succeed: a drill calls it when the application should be serving.
     */
    public Map<String, Long> round(String customerCode, String productCode) throws Exception {
        Map<String, Long> millis = new LinkedHashMap<>();
        long started = System.nanoTime();
        HttpResponse<String> created = send("sales1", "POST", "/api/v1/estimates", "{\"customerCode\":\""
                + customerCode + "\",\"items\":[{\"productCode\":\"" + productCode + "\",\"quantity\":3}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = id(created.body());
        started = lap(millis, "create", started);
        assertThat(send("sales1", "GET", "/api/v1/estimates/" + id, null).statusCode()).isEqualTo(200);
        started = lap(millis, "read", started);
        assertThat(send("sales1", "GET", "/api/v1/estimates/" + id + "/document", null).statusCode()).isEqualTo(200);
        started = lap(millis, "pdf", started);
        HttpResponse<String> submitted = send("sales1", "POST", "/api/v1/estimates/" + id + "/submit", "{}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        started = lap(millis, "submit", started);
        HttpResponse<String> approved = approve(id);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
        started = lap(millis, "approve", started);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!send("sales1", "GET", "/api/v1/estimates/" + id, null).body().contains("\"status\":\"APPROVED\"")) {
            assertThat(System.nanoTime()).as("estimate %d APPROVED by its job", id).isLessThan(deadline);
            Thread.sleep(50);
        }
        lap(millis, "approved", started);
        return millis;
    }

    /** The approval task appears with the submission's process; until then the decision is refused with 409. */
    private HttpResponse<String> approve(long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> answer;
        do {
            answer = send("approver1", "POST", "/api/v1/estimates/" + id + "/approve",
                    "{\"decision\":\"APPROVE\",\"comment\":\"drill\"}");
        } while (answer.statusCode() == 409 && System.nanoTime() < deadline && pause());
        return answer;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    private static long lap(Map<String, Long> millis, String step, long started) {
        long now = System.nanoTime();
        millis.put(step, (now - started) / 1_000_000);
        return now;
    }

    public static long total(Map<String, Long> millis) {
        return Math.max(1, millis.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The first sample of a Prometheus meter, NaN when it is not there. */
    public double metric(Pattern metric) throws Exception {
        Matcher value = metric.matcher(get("/actuator/prometheus").body());
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    /** Without a token (Actuator). */
    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public HttpResponse<String> post(String path, String user, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.of(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public HttpResponse<String> get(String path, String user) {
        try {
            return send(user, "GET", path, null);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path, e);
        }
    }

    public HttpResponse<String> send(String user, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.of(user));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file as the web UI uploads it: multipart/form-data, one part named {@code file}. */
    public HttpResponse<String> upload(String user, String path, String fileName, String mediaType, byte[] content)
            throws IOException, InterruptedException {
        return http.send(multipart(URI.create(base + path), TestTokens.of(user), fileName, mediaType, content),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpRequest multipart(URI url, String token, String fileName, String mediaType, byte[] content) {
        String boundary = "kis-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build();
    }

    /** A JSON body for {@code POST /api/v1/erp/import?type=products}: {@code count} products coded prefix-00001… */
    public static String productsToImport(String codePrefix, int count) {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 1; i <= count; i++) {
            rows.append(i > 1 ? "," : "").append(String.format("{\"product_code\":\"%s-%05d\",\"name\":\"시험 품목 %d\","
                    + "\"category\":\"BREAKER\",\"unit\":\"EA\",\"list_price\":%d,\"cost\":%d}", codePrefix, i, i,
                    1000 + i, 600 + i));
        }
        return rows.append("]").toString();
    }

    /** A text field of a JSON answer. */
    public static String field(String body, String name) {
        try {
            String value = JSON.readTree(body).path(name).asText();
            assertThat(value).as("%s in %s", name, body).isNotEmpty();
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    public static long id(String body) {
        Matcher id = ID.matcher(body);
        assertThat(id.find()).as(body).isTrue();
        return Long.parseLong(id.group(1));
    }
}
