package com.kis.estimator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's Prometheus watching a drill: it scrapes the application instances every second and evaluates
 * {@code deploy/prometheus/alerts.yml} as production does, so that a drill can say which alerts its fault raised
 * ({@link #raised()}). An alert with a {@code for:} longer than the fault stays pending: it would not have paged,
 * which is what {@code for:} is there for.
 */
public final class AlertWatch implements AutoCloseable {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process prometheus;
    private final Path folder;
    private final int port;
    private final long started = System.nanoTime();

    private AlertWatch(Process prometheus, Path folder, int port) {
        this.prometheus = prometheus;
        this.folder = folder;
        this.port = port;
    }

    /** Scraping the instances at these base addresses ({@code http://127.0.0.1:port}). */
    public static AlertWatch watching(String... bases) throws IOException, InterruptedException {
        return start(Arrays.stream(bases).map(base -> URI.create(base).getPort()).toList());
    }

    /** Scraping {@code /actuator/prometheus} on each of the instances' loopback ports. */
    public static AlertWatch start(List<Integer> instancePorts) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException("Prometheus is not installed (Debian package prometheus; .ci/run installs it)");
        }
        Path folder = Files.createTempDirectory("kis-prometheus-");
        int port = ApplicationProcess.freePort();
        String targets = instancePorts.stream().map(p -> "\"127.0.0.1:" + p + "\"").collect(Collectors.joining(", "));
        Files.writeString(folder.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: kis-estimator
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(Path.of("deploy/prometheus/alerts.yml").toAbsolutePath(), targets));
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                "--config.file=" + folder.resolve("prometheus.yml"), "--storage.tsdb.path=" + folder.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--web.enable-lifecycle")
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
        AlertWatch watch = new AlertWatch(prometheus, folder, port);
        watch.awaitReady();
        watch.awaitScraped(instancePorts.size());
        return watch;
    }

    /**
     * Every alert that was pending or firing since the watch started, by name: {@code firing} if it fired at
     * least once, else {@code pending}.
     */
    public Map<String, String> raised() throws IOException, InterruptedException {
        awaitCaughtUp();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + 1);
        Map<String, String> raised = new TreeMap<>();
        for (JsonNode series : query("max_over_time(ALERTS[" + seconds + "s])")) {
            String name = series.path("metric").path("alertname").asText();
            String state = series.path("metric").path("alertstate").asText();
            raised.merge(name, state, (one, other) -> "firing".equals(one) || "firing".equals(other) ? "firing" : one);
        }
        return raised;
    }

    /**
     * Every query of the Grafana dashboard (deploy/grafana/dashboards), as Prometheus answers it now: panel title
     * and query, to the number of series answered. A query Prometheus refuses fails here, as it would show an error
     * in its panel.
     */
    public Map<String, Integer> dashboardSeries() throws IOException, InterruptedException {
        Map<String, Integer> series = new LinkedHashMap<>();
        try (var dashboards = Files.list(Path.of("deploy/grafana/dashboards"))) {
            for (Path dashboard : dashboards.filter(file -> file.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : JSON.readTree(dashboard.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asText();
                        series.put(panel.path("title").asText() + ": " + expr, query(expr).size());
                    }
                }
            }
        }
        return series;
    }

    /** The instant vector {@code promql} answers now. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException(promql + ": " + answer.body());
        }
        return body.path("data").path("result");
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                throw new IllegalStateException("Prometheus ended: " + Files.readString(folder.resolve("prometheus.log")));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus was not ready within 30 s");
    }

    /**
     * Waits until Prometheus has scraped every live instance and evaluated the rules after this call began: what
     * the instances said until now has then been seen by the rules.
     */
    private void awaitCaughtUp() throws IOException, InterruptedException {
        double now = System.currentTimeMillis() / 1000.0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean scraped = true;
            for (JsonNode target : query("timestamp(up == 1)")) {
                scraped &= target.path("value").path(1).asDouble() > now;
            }
            JsonNode groups = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/rules")).build(), HttpResponse.BodyHandlers.ofString()).body()).path("data").path("groups");
            boolean evaluated = groups.size() > 0;
            for (JsonNode group : groups) {
                evaluated &= java.time.OffsetDateTime.parse(group.path("lastEvaluation").asText()).toInstant()
                        .toEpochMilli() / 1000.0 > now;
            }
            if (scraped && evaluated) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus did not scrape and evaluate within 30 s");
    }

    /** A watch that cannot scrape would report no alert, which would look like a quiet drill. */
    private void awaitScraped(int instances) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (query("up == 1").size() < instances) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus could not scrape all " + instances + " instances: "
                        + HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/targets"))
                                .build(), HttpResponse.BodyHandlers.ofString()).body());
            }
            Thread.sleep(200);
        }
        JsonNode rules = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/rules")).build(), HttpResponse.BodyHandlers.ofString()).body());
        if (rules.path("data").path("groups").isEmpty()) {
            throw new IllegalStateException("Prometheus loaded no alert rules: " + Files.readString(
                    folder.resolve("prometheus.log")));
        }
    }

    @Override
    public void close() {
        prometheus.destroy();
        try {
            prometheus.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prometheus.destroyForcibly();
        FileSystemUtils.deleteRecursively(folder.toFile());
    }
}
