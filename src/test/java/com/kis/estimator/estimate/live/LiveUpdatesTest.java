package com.kis.estimator.estimate.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kis.estimator.Await;
import com.kis.estimator.InstancesOnOneRedis;
import com.kis.estimator.ProdClient;
import com.kis.estimator.TestTokens;
import com.kis.estimator.ocr.RfqPages;
import com.kis.estimator.ocr.RfqSamples;

/**
 * Live updates across replicas: two instances on one PostgreSQL and one Redis (a redis-server of this test's own,
 * so that it can be stopped). A change made on one instance reaches the open streams on the other; a stream
 * carries only the estimates its user may see; the stream's door refuses who may not read estimates; and with
 * Redis gone an instance still tells its own streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveUpdatesTest {

    private static final String EVENTS = "/api/v1/estimates/events";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private InstancesOnOneRedis replicas;
    private String first;
    private String second;

    @BeforeAll
    void startTwoInstancesOnOneRedis() throws Exception {
        replicas = new InstancesOnOneRedis("kis_it_live");
        // the real processes, and the first instance runs the jobs (documents read, approvals moving on)
        first = replicas.start(Map.of("kis.rate-limits.enabled", "false", "kis.processes.directory", "processes",
                "camunda.bpm.job-execution.enabled", "true"));
        second = replicas.start(Map.of("kis.rate-limits.enabled", "false", "kis.processes.directory", "processes"));
        // the catalog the estimates below are written on
        post(first, "/api/v1/products", "admin", """
                {"code":"T-LIVE-1","name":"시험 차단기","category":"BREAKER","unit":"EA","listPrice":10000,"cost":7000}""");
        post(first, "/api/v1/customers", "admin", """
                {"code":"T-LIVE-C","name":"(주)실시간","businessRegistrationNumber":"124-81-00998","tier":"B"}""");
    }

    @AfterAll
    void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    @Order(1)
    void aChangeOnOneInstanceReachesTheOwnersPageOnTheOtherAndNoOtherTeams() throws Exception {
        BlockingQueue<JsonNode> owner = listen(second, "sales1");
        BlockingQueue<JsonNode> otherTeam = listen(first, "sales2");
        BlockingQueue<JsonNode> operations = listen(second, "ops1");

        long started = System.nanoTime();
        String created = post(first, "/api/v1/estimates", "sales1", estimate()).path("number").asText();
        JsonNode heard = next(owner);
        double latencyMs = (System.nanoTime() - started) / 1e6;

        assertThat(heard.path("number").asText()).isEqualTo(created);
        assertThat(heard.path("status").asText()).isEqualTo("DRAFT");
        assertThat(heard.path("action").asText()).isEqualTo("CREATED");
        assertThat(next(operations).path("number").asText()).as("operations see every estimate").isEqualTo(created);

        // each stream's next event is its own user's estimate: the other team's never came through
        String theirs = post(second, "/api/v1/estimates", "sales2", estimate()).path("number").asText();
        assertThat(next(otherTeam).path("number").asText()).isEqualTo(theirs);
        String mine = post(first, "/api/v1/estimates", "sales1", estimate()).path("number").asText();
        assertThat(next(owner).path("number").asText()).isEqualTo(mine);
        System.out.printf("Live update: created on one instance, heard on the other after %.0f ms%n", latencyMs);
    }

    @Test
    @Order(2)
    void theStreamsDoorRefusesWhoMayNotReadEstimatesAndWhoIsNotSignedIn() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(first + EVENTS)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> analyst = http.send(HttpRequest.newBuilder(URI.create(first + EVENTS))
                .header("Authorization", "Bearer " + TestTokens.of("analyst1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(analyst.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> typo = http.send(HttpRequest.newBuilder(URI.create(first + EVENTS + "?estimat=1"))
                .header("Authorization", "Bearer " + TestTokens.of("sales1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(typo.statusCode()).as(typo.body()).isEqualTo(400);
        assertThat(typo.body()).contains("/problems/invalid-parameter", "estimat");
    }

    /**
     * Beyond status changes: a level of a two-level approval decided (the status stays SUBMITTED, the page's
     * approval moves on), and the uploader's own document read and waiting for review, which no one else hears of.
     */
    @Test
    @Order(2)
    void aDecidedLevelAndAReadDocumentReachTheirPagesOnTheOtherInstance() throws Exception {
        BlockingQueue<JsonNode> owner = listen(second, "sales1");
        BlockingQueue<JsonNode> otherTeam = listen(second, "sales2");

        JsonNode large = post(first, "/api/v1/estimates", "sales1", """
                {"customerCode":"T-LIVE-C","items":[{"productCode":"T-LIVE-1","quantity":1500}]}""");
        long id = large.path("id").asLong();
        assertThat(next(owner).path("action").asText()).isEqualTo("CREATED");
        assertThat(send(first, "/api/v1/estimates/" + id + "/submit", "sales1", "{}")).isEqualTo(202);
        assertThat(next(owner).path("status").asText()).isEqualTo("SUBMITTED");
        Await.until("approver1's level-1 decision", () -> send(first, "/api/v1/estimates/" + id + "/approve",
                "approver1", "{\"decision\":\"APPROVE\",\"comment\":\"1단계 승인\"}") < 300 ? true : null);
        JsonNode decided = next(owner);
        assertThat(decided.path("action").asText()).isEqualTo("APPROVAL_DECIDED");
        assertThat(decided.path("status").asText()).as("a manager's level follows").isEqualTo("SUBMITTED");

        RfqPages.Rfq rfq = RfqSamples.rfq(5, 2);
        HttpResponse<String> uploaded = http.send(ProdClient.multipart(URI.create(first + "/api/v1/ocr/process"),
                TestTokens.of("sales1"), "rfq-" + rfq.documentNumber() + ".png", "image/png",
                RfqPages.png(RfqPages.page(rfq))), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String document = json.readTree(uploaded.body()).path("documentId").asText();
        JsonNode ready;
        do { // read (OCR_DONE), then extracted and waiting for review
            ready = next(owner, "document");
        } while (!ready.path("status").asText().matches("EXTRACTED|FAILED"));
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("EXTRACTED");
        assertThat(ready.path("id").asText()).isEqualTo(document);
        assertThat(otherTeam.stream().filter(event -> event.path("event").asText().equals("document")))
                .as("nobody else hears of sales1's document").isEmpty();
    }

    @Test
    @Order(3) // stops Redis
    void withRedisGoneAnInstanceStillTellsItsOwnPages() throws Exception {
        BlockingQueue<JsonNode> owner = listen(second, "sales1");
        replicas.stopRedis();

        long started = System.nanoTime();
        String created = post(second, "/api/v1/estimates", "sales1", estimate()).path("number").asText();
        System.out.printf("Live update with Redis gone: the estimate was created in %.0f ms%n",
                (System.nanoTime() - started) / 1e6);
        assertThat(next(owner).path("number").asText()).isEqualTo(created);
    }

    private static String estimate() {
        return """
                {"customerCode":"T-LIVE-C","items":[{"productCode":"T-LIVE-1","quantity":2}]}""";
    }

    /** A page's stream: its events, as JSON with the event's name in "event", in the order they arrive. */
    private BlockingQueue<JsonNode> listen(String base, String user) throws Exception {
        HttpResponse<Stream<String>> answer = http.send(HttpRequest.newBuilder(URI.create(base + EVENTS))
                .header("Authorization", "Bearer " + TestTokens.of(user)).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            String[] event = {null};
            answer.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("data:") && event[0] != null) {
                    try {
                        events.add(((ObjectNode) json.readTree(line.substring(5))).put("event", event[0]));
                    } catch (IOException e) {
                        throw new IllegalStateException(line, e);
                    }
                }
            });
        }, "live-" + user);
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /** The stream's next `estimate` event. */
    private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
        return next(events, "estimate");
    }

    private static JsonNode next(BlockingQueue<JsonNode> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (;;) {
            JsonNode event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event).as("a %s event within 20 s", name).isNotNull();
            if (event.path("event").asText().equals(name)) {
                return event;
            }
        }
    }

    private int send(String base, String path, String user, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + TestTokens.of(user)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String base, String path, String user, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TestTokens.of(user)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        return json.readTree(answer.body());
    }
}
