package com.kis.estimator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A user in Debian's Chromium, driven by playwright-core ({@code src/test/browser/drive.mjs}): a test writes the
 * steps a user takes (sign in, open a filter, claim, choose, Complete) and reads back what the browser showed.
 * A step that fails saves a screenshot of the page under {@code target/browser/} and fails the test with it.
 */
public final class Chromium {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DRIVER = Path.of("src/test/browser");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final String baseUrl;
    private final String scenario;
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private int[] viewport;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Chromium(String baseUrl, String scenario) {
        this.baseUrl = baseUrl;
        this.scenario = scenario;
    }

    /** @param scenario names the screenshots of a failed step */
    public static Chromium at(String baseUrl, String scenario) {
        return new Chromium(baseUrl, scenario.replaceAll("[^A-Za-z0-9._-]", "-"));
    }

    /** The window's size in CSS pixels, e.g. a phone's 390 × 844 (the default is a 1400 × 1000 desktop). */
    public Chromium viewport(int width, int height) {
        this.viewport = new int[] {width, height};
        return this;
    }

    /** How long the whole run may take (5 minutes unless a drill restarts a server in between). */
    public Chromium timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Pauses the user's steps at {@code name} until the test {@link HandOver#release releases} them. */
    public Chromium handOver(HandOver handOver, String name) {
        return step("handOver", "dir", handOver.dir.toString(), "name", name);
    }

    /** One step of {@code drive.mjs}: its name and parameters as key, value, key, value. */
    public Chromium step(String action, Object... keysAndValues) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("do", action);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            step.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        steps.add(step);
        return this;
    }

    public Chromium signIn(String app, String user) {
        return step("signIn", "app", app, "user", user);
    }

    public Chromium openFilter(String name) {
        return step("openFilter", "name", name);
    }

    public Chromium openTask(String name) {
        return step("openTask", "name", name);
    }

    public Chromium claim() {
        return step("claim");
    }

    public Chromium choose(String label) {
        return step("choose", "label", label);
    }

    public Chromium type(String label, Object text) {
        return step("type", "label", label, "text", String.valueOf(text));
    }

    public Chromium complete() {
        return step("complete");
    }

    /** Runs the steps in a fresh browser; fails the test with the failed step and its screenshot. */
    public Steps run() {
        ObjectNode input = JSON.createObjectNode();
        input.put("baseUrl", baseUrl).put("scenario", scenario);
        if (viewport != null) {
            input.putObject("viewport").put("width", viewport[0]).put("height", viewport[1]);
        }
        input.set("steps", JSON.valueToTree(steps));
        JsonNode answer = drive(input, timeout);
        if (!answer.path("failure").isNull() && !answer.path("failure").isMissingNode()) {
            JsonNode failure = answer.get("failure");
            throw new AssertionError("In Chromium, step " + failure.path("step").asInt() + " (" + failure.path("params")
                    + ") failed: " + failure.path("error").asText() + "\n  at " + failure.path("url").asText()
                    + "\n  what the user saw: " + failure.path("screenshot").asText()
                    + "\n  requests unanswered, and the last errors: " + failure.path("network")
                    + "\n  steps before it: " + answer.path("results"));
        }
        return new Steps(answer.get("results"));
    }

    /** {@link #run()} on another thread, for a test that acts on the servers at the steps' hand-overs. */
    public CompletableFuture<Steps> start() {
        return CompletableFuture.supplyAsync(this::run);
    }

    private static JsonNode drive(ObjectNode input, Duration timeout) {
        if (!Files.isDirectory(DRIVER.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("No playwright-core in " + DRIVER.toAbsolutePath()
                    + "/node_modules: run the tests through Maven (it runs npm ci there)");
        }
        try {
            Process node = new ProcessBuilder("node", "drive.mjs").directory(DRIVER.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            node.getOutputStream().write(JSON.writeValueAsBytes(input));
            node.getOutputStream().close();
            if (!node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("Chromium did not finish " + input.path("scenario").asText() + " within "
                        + timeout);
            }
            String printed = output.join().strip();
            String last = printed.substring(printed.lastIndexOf('\n') + 1);
            if (!last.startsWith("{")) {
                throw new AssertionError("drive.mjs ended with " + node.exitValue() + " and printed: " + printed);
            }
            return JSON.readTree(last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the browser and the test meet: the browser's {@code handOver} step says it has arrived and waits; the
     * test waits for it, does its part (kills a replica), then releases the browser.
     */
    public static final class HandOver {

        private final Path dir;

        public HandOver() {
            try {
                dir = Files.createTempDirectory("kis-handover-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until the browser is at {@code name}; fails if the run ended first (a step before it failed). */
        public void awaitReached(String name, CompletableFuture<Steps> run, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!Files.exists(dir.resolve(name + ".reached"))) {
                if (run.isDone()) {
                    run.join();
                    throw new AssertionError("the browser's steps ended before " + name);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the browser did not reach " + name + " within " + limit);
                }
                Thread.sleep(100);
            }
        }

        public void release(String name) {
            try {
                Files.writeString(dir.resolve(name + ".go"), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What each step answered, in order. */
    public record Steps(JsonNode results) {

        /** The answer of the step at this index (0-based). */
        public JsonNode at(int index) {
            return results.get(index);
        }

        /** The answer of the last step of this kind. */
        public JsonNode last(String action) {
            for (int i = results.size() - 1; i >= 0; i--) {
                if (results.get(i).path("do").asText().equals(action)) {
                    return results.get(i);
                }
            }
            throw new AssertionError("no " + action + " step in " + results);
        }

        /** The answers of every step of this kind, in order. */
        public java.util.List<JsonNode> all(String action) {
            java.util.List<JsonNode> found = new java.util.ArrayList<>();
            results.forEach(result -> {
                if (result.path("do").asText().equals(action)) {
                    found.add(result);
                }
            });
            return found;
        }
    }
}
