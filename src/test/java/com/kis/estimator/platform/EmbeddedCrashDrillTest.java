package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.kis.estimator.KisEstimatorApplication;

/**
 * Issue 22's first drill on the embedded default, as the README starts it: eight clients create estimates and
 * submit them; the application is killed with SIGKILL in the middle of it and started again on the same data
 * directory. Every creation answered 201 and every submission answered 202 before the kill must be there after
 * the restart (a 2xx is a promise). Prints one row: work acknowledged, in flight at the kill, lost, submissions
 * without their approval yet, recovery time; and what outlived the killed JVM (its embedded redis-server did).
 */
@Tag("drill")
class EmbeddedCrashDrillTest {

    private static final int CLIENTS = 8;
    /** Acknowledged creations before the kill: enough that the kill lands among commits. */
    private static final int CREATIONS_BEFORE_KILL = 40;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String sales = "Basic " + Base64.getEncoder().encodeToString("sales1:sales1".getBytes(StandardCharsets.UTF_8));

    @Test
    void workAcknowledgedBeforeAKillSurvivesTheRestart() throws Exception {
        Path data = Files.createTempDirectory("kis-drill-");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process first = start(data, port, "first");
        awaitUp(base, first);

        Set<Long> created = ConcurrentHashMap.newKeySet();
        Set<Long> submitted = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    inFlight.incrementAndGet();
                    try {
                        HttpResponse<String> made = post(base + "/api/v1/estimates", """
                                {"customerCode":"C-SEJIN","items":[{"productCode":"MCB-1P-16","quantity":3}]}""");
                        if (made.statusCode() != 201) {
                            continue;
                        }
                        long id = id(made.body());
                        created.add(id);
                        if (post(base + "/api/v1/estimates/" + id + "/submit", "{}").statusCode() == 202) {
                            submitted.add(id);
                        }
                    } catch (IOException gone) {
                        // the kill: this request's answer never came
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
                return null;
            });
        }
        long loadStarted = System.nanoTime();
        long deadline = loadStarted + TimeUnit.MINUTES.toNanos(3);
        while (created.size() < CREATIONS_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double perSecond = created.size() / ((System.nanoTime() - loadStarted) / 1e9);
        List<ProcessHandle> children = first.descendants().toList();
        int flying = inFlight.get();
        first.destroyForcibly().waitFor();
        killed.set(true);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        List<Long> createdAcknowledged = new ArrayList<>(created);
        List<Long> submittedAcknowledged = new ArrayList<>(submitted);
        long orphansDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < orphansDeadline) {
            Thread.sleep(100);
        }
        List<String> orphans = children.stream().filter(ProcessHandle::isAlive)
                .map(child -> child.info().commandLine().orElse("pid " + child.pid())).toList();
        children.forEach(ProcessHandle::destroyForcibly);

        long restarting = System.nanoTime();
        Process second = start(data, port, "second");
        boolean passed = false;
        try {
            awaitUp(base, second);
            long recoveryMs = (System.nanoTime() - restarting) / 1_000_000;
            List<Long> lostCreations = createdAcknowledged.stream()
                    .filter(id -> get(base + "/api/v1/estimates/" + id).statusCode() != 200).toList();
            List<Long> lostSubmissions = submittedAcknowledged.stream()
                    .filter(id -> !get(base + "/api/v1/estimates/" + id).body().contains("\"status\":\"SUBMITTED\""))
                    .toList();
            long withoutApproval = submittedAcknowledged.stream()
                    .filter(id -> get(base + "/api/v1/estimates/" + id + "/approvals/waiting").body().equals("[]"))
                    .count();
            System.out.printf("Drill kill -9 (embedded default): %d created and %d submitted acknowledged (%.1f estimates "
                    + "created and submitted per second by %d clients), %d requests "
                    + "in flight at the kill; lost: %d creations, %d submissions; submitted without a waiting approval "
                    + "right after the restart: %d; restart to healthy %d ms; processes outliving the JVM by 5 s: %s%n",
                    createdAcknowledged.size(), submittedAcknowledged.size(), perSecond, CLIENTS, flying, lostCreations.size(),
                    lostSubmissions.size(), withoutApproval, recoveryMs, orphans);

            assertThat(createdAcknowledged).as("the kill came after enough work").hasSizeGreaterThanOrEqualTo(CREATIONS_BEFORE_KILL);
            assertThat(lostCreations).as("creations answered 201 before the kill").isEmpty();
            assertThat(lostSubmissions).as("submissions answered 202 before the kill").isEmpty();
            assertThat(orphans).as("the embedded redis-server ends with its JVM").isEmpty();
            passed = true;
        } finally {
            second.descendants().forEach(ProcessHandle::destroy);
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
            if (passed) { // a failed drill leaves its data and both logs to look at
                FileSystemUtils.deleteRecursively(data);
            }
        }
    }

    /** The application in a JVM of its own, on the test's classpath, as `./mvnw spring-boot:run` starts it. */
    private static Process start(Path data, int port, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx768m", "-cp",
                System.getProperty("java.class.path"), KisEstimatorApplication.class.getName(), "--server.port=" + port,
                "--kis.data-dir=" + data, "--kis.rate-limits.enabled=false"));
        // the README's own settings unless told otherwise: -Dkis.drill.db-url compares another database URL
        String databaseUrl = System.getProperty("kis.drill.db-url");
        if (databaseUrl != null) {
            command.add("--spring.datasource.url=" + databaseUrl.replace("{data}", data.toString()));
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile())
                .start();
    }

    private void awaitUp(String base, Process app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application is running").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become healthy within 4 minutes");
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", sales).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", sales).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static long id(String body) {
        Matcher id = ID.matcher(body);
        assertThat(id.find()).as(body).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
