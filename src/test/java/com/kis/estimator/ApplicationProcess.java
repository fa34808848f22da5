package com.kis.estimator;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application in a JVM of its own, as an operator starts it: {@code java -jar}, or the test classpath as
 * {@code ./mvnw spring-boot:run} does, in a working directory of the test's choosing, on a port of its own, its
 * output in a log file. Its requests sign in as demo users with HTTP Basic (the embedded default).
 */
public final class ApplicationProcess implements DrillLoad.Door {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String base;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
        this.log = log;
    }

    /** From the test's classpath, in the current working directory. */
    public static ApplicationProcess fromClasspath(int port, Path log, List<String> arguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx768m", "-cp",
                System.getProperty("java.class.path"), KisEstimatorApplication.class.getName()));
        return start(command, Path.of("").toAbsolutePath(), port, log, arguments);
    }

    /** The packaged application, started in {@code workingDirectory}. */
    public static ApplicationProcess fromJar(Path jar, Path workingDirectory, int port, Path log,
            List<String> arguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx768m", "-jar", jar.toString()));
        return start(command, workingDirectory, port, log, arguments);
    }

    private static ApplicationProcess start(List<String> command, Path workingDirectory, int port, Path log,
            List<String> arguments) {
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            return new ApplicationProcess(new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public String base() {
        return base;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until it is ready (readiness UP: started, every start-up task done, as a load balancer asks); fails at
     * once when the process ends instead.
     */
    public ApplicationProcess awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // the log's folder may be gone when the test has cleaned up: its end goes into the failure
                throw new AssertionError("the application ended with " + process.exitValue() + "; its log, kept as "
                        + keptLog() + ", ends:\n" + tail(4000));
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().startsWith("{\"status\":\"UP\"")) { // the whole, not one of its parts
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become healthy within 4 minutes (its log: " + log + ")");
    }

    /** A copy of the log under target/, which outlives the test's temporary folder. */
    private Path keptLog() {
        try {
            Path kept = Files.createDirectories(Path.of("target/failed-starts")).resolve(log.getFileName());
            return Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail(int characters) {
        String all = log();
        return all.substring(Math.max(0, all.length() - characters));
    }

    /** Asks it to stop (SIGTERM) and waits; then whatever it started. */
    public void stop() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        children.forEach(ProcessHandle::destroy);
    }

    /** A JSON POST; {@code headers} are more header names and values, in pairs. */
    @Override
    public HttpResponse<String> post(String path, String user, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a server-sent event stream as a page of the web UI does, and leaves it open. */
    public CompletableFuture<HttpResponse<Stream<String>>> listen(String path, String user) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofLines());
    }

    @Override
    public HttpResponse<String> get(String path, String user) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path, e);
        }
    }

    /** A demo user's HTTP Basic credentials (the embedded default's demo users have their name as password). */
    private static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder().encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
    }
}
