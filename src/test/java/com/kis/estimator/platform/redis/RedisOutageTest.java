package com.kis.estimator.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.AlertWatch;
import com.kis.estimator.InstancesOnOneRedis;
import com.kis.estimator.ProdClient;

/**
 * Issue 22's Redis drill on the production profile: a salesperson's round (create, read, PDF, submit) and an
 * approver's decision, with Redis, after Redis stopped, and after it came back, on an instance running the real
 * processes and their jobs. Without Redis every answer stays 2xx (caches bypassed, rate limits open), the request
 * that needs Redis answers a quick 503, the instance stays ready, and when Redis returns everything is back
 * without a restart: limits count again and cached prices start from a new catalog generation. Prints each
 * round's time beside the baseline measured in the same run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("drill")
class RedisOutageTest {

    private static final Pattern GAUGE_OPEN = Pattern.compile("(?m)^kis_redis_circuit_open\\{[^}]*} (\\S+)$");
    private static final Pattern REFUSED = Pattern.compile("(?m)^kis_redis_commands_refused_total\\{[^}]*} (\\S+)$");

    private final ObjectMapper json = new ObjectMapper();
    private InstancesOnOneRedis replicas;
    private ProdClient client;
    private AlertWatch alerts;

    @BeforeAll
    void startOneInstanceOnARedisOfItsOwn() throws Exception {
        replicas = new InstancesOnOneRedis("kis_it_redis_outage");
        String base = replicas.start(Map.of("kis.processes.directory", "processes", "camunda.bpm.job-execution.enabled",
                "true", "kis.rate-limits.rules.estimates.limit", "10000", "kis.rate-limits.rules.estimate-reads.limit",
                "10000"));
        client = new ProdClient(base);
        alerts = AlertWatch.watching(base);
        client.catalog("T-REDIS-1", "T-REDIS-C");
    }

    @AfterAll
    void stop() {
        if (alerts != null) {
            alerts.close();
        }
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void withoutRedisEverythingAnswersAtOnceAndWhenItReturnsItIsUsedAgainWithoutARestart() throws Exception {
        client.round("T-REDIS-C", "T-REDIS-1"); // warms the JVM; not counted
        Map<String, Long> withRedis = client.round("T-REDIS-C", "T-REDIS-1");
        assertThat(client.send("sales1", "GET", "/api/v1/estimates", null).headers().firstValue("RateLimit-Limit"))
                .as("limits counted while Redis answers").isPresent();

        replicas.stopRedis();
        Map<String, Long> firstWithout = client.round("T-REDIS-C", "T-REDIS-1"); // finds Redis gone: pays one timeout
        Map<String, Long> without = client.round("T-REDIS-C", "T-REDIS-1");

        assertThat(client.metric(GAUGE_OPEN)).as("the circuit is open").isEqualTo(1.0);
        assertThat(client.metric(REFUSED)).as("commands refused at once, not tried").isPositive();
        JsonNode health = json.readTree(client.get("/actuator/health").body());
        assertThat(health.at("/components/redis/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/redis/details/since").asText()).isNotEmpty();
        assertThat(client.get("/actuator/health/readiness").statusCode()).as("still serving: still ready").isEqualTo(200);
        HttpResponse<String> sync = client.send("ops1", "GET", "/api/v1/erp/sync", null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(503);
        assertThat(sync.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(sync.headers().firstValue("Retry-After")).isPresent();
        assertThat(sync.body()).contains("/problems/service-unavailable", "Redis");

        long restarted = System.nanoTime();
        replicas.startRedis();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (client.metric(GAUGE_OPEN) != 0.0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long closedAfterMs = (System.nanoTime() - restarted) / 1_000_000;
        assertThat(client.metric(GAUGE_OPEN)).as("the circuit closes by itself once Redis answers").isEqualTo(0.0);
        Map<String, Long> back = client.round("T-REDIS-C", "T-REDIS-1");
        assertThat(client.send("sales1", "GET", "/api/v1/estimates", null).headers().firstValue("RateLimit-Limit"))
                .as("limits counted again").isPresent();
        assertThat(client.send("ops1", "GET", "/api/v1/erp/sync", null).statusCode()).isEqualTo(200);
        assertThat(redisCli("GET", "kis:catalog:generation")).as("cached prices start from a new generation")
                .isNotEmpty();
        Map<String, String> raised = alerts.raised();
        // the circuit's rule held while Redis was away; its 2 minutes keep a short outage from paging
        assertThat(raised).as("alerts raised").containsEntry("KisRedisUnavailable", "pending")
                .doesNotContainKey("KisServerErrors");

        System.out.printf("Drill Redis stopped (prod profile, one instance): ms per step with Redis %s, first round "
                + "without %s, then %s, Redis back %s; ratio of a round without Redis to one with it %.2f; circuit closed "
                + "%d ms after redis-server started again; alerts raised: %s%n", withRedis, firstWithout, without, back,
                (double) ProdClient.total(without) / ProdClient.total(withRedis), closedAfterMs, raised);
    }

    private String redisCli(String... command) throws Exception {
        String[] line = new String[command.length + 3];
        line[0] = "redis-cli";
        line[1] = "-p";
        line[2] = Integer.toString(replicas.redisPort());
        System.arraycopy(command, 0, line, 3, command.length);
        Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        cli.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
