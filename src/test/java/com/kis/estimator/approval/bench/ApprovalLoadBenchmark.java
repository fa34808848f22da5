package com.kis.estimator.approval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.kis.estimator.CpuMeter;
import com.kis.estimator.DatabaseMeter;
import com.kis.estimator.KisEstimatorApplication;
import com.kis.estimator.LoadClient;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.PhaseProfiler;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.TestTokens;
import com.kis.estimator.estimate.drafting.Draft;
import com.kis.estimator.estimate.drafting.EstimateDrafting;

/**
 * Approval throughput on PostgreSQL: submissions per second through {@code POST /api/v1/estimates/{id}/submit}
 * and complete one-level approvals per second through the API ({@code /submit}, the approver's {@code /approve},
 * and the asynchronous step that marks the estimate approved), against a baseline in the same run — the bare
 * engine starting, and starting and completing, a one-user-task process. A second baseline, the bare engine
 * running the approval process itself without the application ({@link ApprovalProcessShape}), tells the process's
 * own cost from the application's. Closed loop: 8 workers as fast as they go for the given seconds.
 * Warm-ups run until the JIT compiler has settled.
 * Run: bench/approvals-load.sh [seconds]; {@code BENCH_JAVA_OPTS=-Dbench.warmup.max=N} caps the warm-ups.
 */
public final class ApprovalLoadBenchmark {

    private static final int WORKERS = 8;
    /** Enough for the longest warm-ups at 200 submissions/s and 80 approvals/s, with the measured phases' share kept. */
    private static final int DRAFTS = 80_000;
    private static final int DRAFTS_KEPT_FOR_MEASURING = 10_000;
    private static final int WARM_UP_ROUND_SECONDS = 10;
    /** The JIT compiler counts as settled when it compiled for less than 5 % of a round (one core's share). */
    private static final double SETTLED_COMPILE_SHARE = 0.05;
    /** Set once the application runs: the measured phases also report their database work. */
    private static JdbcTemplate measuredDatabase;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        PostgresTestDatabase database = PostgresTestDatabase.createFresh("kis_bench");
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("logging.level.root", "warn");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakTestServer.get().issuer());
        // One user sends thousands of requests: the per-user limits would measure the limiter, not the API.
        properties.put("kis.rate-limits.enabled", "false");
        String[] appArgs = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KisEstimatorApplication.class)
                .profiles("prod").run(appArgs)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            LoadClient client = new LoadClient("127.0.0.1", port, WORKERS);
            HttpClient http = HttpClient.newHttpClient();
            send(http, base + "/api/v1/products", "admin", """
                    {"code":"AB-1","name":"벤치","category":"BENCH","unit":"EA","listPrice":100000,"cost":60000}""");
            send(http, base + "/api/v1/customers", "admin", """
                    {"code":"AB-C","name":"(주)벤치","businessRegistrationNumber":"124-81-00998","tier":"B"}""");
            app.getBean(RepositoryService.class).createDeployment().addModelInstance("bench-baseline.bpmn",
                    Bpmn.createExecutableProcess("bench-baseline").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("task").endEvent().done()).deploy();

            RuntimeService runtime = app.getBean(RuntimeService.class);
            TaskService tasks = app.getBean(TaskService.class);
            ApprovalProcessShape shape = ApprovalProcessShape.deploy(app.getBean(RepositoryService.class), runtime,
                    tasks);
            ConcurrentLinkedQueue<Long> drafts = drafts(app.getBean(EstimateDrafting.class), DRAFTS);
            // Each phase adds thousands of rows within seconds (the first leaves over 20,000 open tasks behind), which
            // autovacuum would analyse within a minute or two. Without fresh statistics PostgreSQL plans as if the
            // tables were still small: the price-history lookup and the approver's task query then read every
            // row. So every measured phase starts from fresh statistics, as a long-running system has them.
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Runnable analyze = () -> jdbc.execute("ANALYZE");

            Runnable bareStart = () -> runtime.startProcessInstanceByKey("bench-baseline");
            Runnable bareStartComplete = () -> {
                String id = runtime.startProcessInstanceByKey("bench-baseline").getId();
                tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
            };
            Runnable apiSubmit = () -> post(client, port, "/api/v1/estimates/" + drafts.remove() + "/submit", "sales1",
                    "{}");
            Runnable apiApprove = () -> {
                long id = drafts.remove();
                post(client, port, "/api/v1/estimates/" + id + "/submit", "sales1", "{}");
                post(client, port, "/api/v1/estimates/" + id + "/approve", "approver1", "{\"decision\":\"APPROVE\"}");
            };
            // The decision's last step (Mark approved) runs in the job executor after the approver's request has
            // returned: an approval counts as done only when that step has run, so its phase ends when no step waits.
            // A step that failed for good (an incident, no retries left) does not hold the phase up.
            BooleanSupplier approvedStepsDone = () -> jdbc.queryForObject("SELECT COUNT(*) FROM camunda.act_ru_job"
                    + " WHERE type_ = 'message' AND retries_ > 0", Long.class) == 0;

            // Warm-ups until the JIT compiler has settled: a submission runs through a lot of code (Spring Security,
            // Hibernate, Camunda, the FEEL engine, DJL), and with a fixed 60-second warm-up the compiler still used a
            // third of the JVM's CPU in the measured phases, a cost a long-running server has paid long before. With
            // submissions alone it settled after two and a half to four minutes. Fresh statistics before each round:
            // on the empty database's, deleting a finished execution took 100 ms and the approvals' warm-up barely ran.
            BooleanSupplier draftsLeft = () -> drafts.size() > DRAFTS_KEPT_FOR_MEASURING;
            warmUp("bare engine", bareStartComplete, 10, 10, () -> true, analyze, () -> true);
            warmUp("approval process, bare engine", shape::startAndApprove, 10, 10, approvedStepsDone, analyze,
                    () -> true);
            warmUp("submissions", apiSubmit, 60, 300, () -> true, analyze, draftsLeft);
            // The approver signs in with a one-time password, and a second sign-in waits for the next 30-second
            // window: signed in here, not by eight workers at once inside a timed phase.
            TestTokens.of("approver1");
            warmUp("approvals", apiApprove, 20, 180, approvedStepsDone, analyze, draftsLeft);
            measuredDatabase = jdbc;
            Thread.sleep(DatabaseMeter.REPORTED_WITHIN.toMillis()); // the warm-ups' last counters, before the first phase
            analyze.run();
            double starts = measure("bare engine: start a one-user-task process", bareStart, seconds);
            analyze.run();
            double shapeStarts = measure("bare engine: start the approval process", shape::start, seconds);
            analyze.run();
            PhaseProfiler profiler = PhaseProfiler.start("submissions");
            double submits = measure("POST /api/v1/estimates/{id}/submit", apiSubmit, seconds);
            profiler.stop();
            analyze.run();
            double completes = measure("bare engine: start + complete the task", bareStartComplete, seconds);
            analyze.run();
            double shapeApprovals = measure("bare engine: start the approval process + approve (+ Mark approved)",
                    shape::startAndApprove, seconds, approvedStepsDone);
            analyze.run();
            // Keycloak's tokens live 5 minutes, the warm-up and the phases before this one about as long: a fresh
            // token now, not a sign-in inside the timed phase.
            TestTokens.of("approver1", Duration.ofSeconds(seconds + 60L));
            profiler = PhaseProfiler.start("approvals");
            double approvals = measure("one-level approvals through the API (submit, approve, Mark approved)",
                    apiApprove, seconds, approvedStepsDone);
            profiler.stop();
            System.out.println();
            System.out.printf("machine: %d cores; %d workers, closed loop, %d s each; PostgreSQL + Redis on localhost%n",
                    Runtime.getRuntime().availableProcessors(), WORKERS, seconds);
            System.out.println("| run | per second | × bare start | × bare start + complete |");
            System.out.println("|---|---:|---:|---:|");
            row("bare engine: start", starts, starts, completes);
            row("bare engine: start + complete", completes, starts, completes);
            row("submissions through the API", submits, starts, completes);
            row("one-level approvals through the API", approvals, starts, completes);
            System.out.println();
            System.out.println("| run | per second | × the same on the bare engine's approval process |");
            System.out.println("|---|---:|---:|");
            System.out.printf("| bare engine, approval process: start | %.0f | 1.00 |%n", shapeStarts);
            System.out.printf("| bare engine, approval process: start + approve | %.0f | 1.00 |%n", shapeApprovals);
            System.out.printf("| submissions through the API | %.0f | %.2f |%n", submits, submits / shapeStarts);
            System.out.printf("| one-level approvals through the API | %.0f | %.2f |%n", approvals,
                    approvals / shapeApprovals);
        } finally {
            database.drop();
        }
        System.exit(0);
    }

    /**
     * Rounds of the operation until at least {@code minSeconds} have passed and the JIT compiler has settled, or
     * {@code maxSeconds} are up, or {@code more} says to stop (the drafts are running low). Each round starts from
     * fresh statistics, as autovacuum would keep them on tables that grow this fast.
     */
    private static void warmUp(String name, Runnable operation, int minSeconds, int maxSeconds, BooleanSupplier done,
            Runnable analyze, BooleanSupplier more) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        // -Dbench.warmup.max=N caps every warm-up, for a quick look at the database side when the JIT does not matter
        maxSeconds = Math.min(maxSeconds, Integer.getInteger("bench.warmup.max", maxSeconds));
        minSeconds = Math.min(minSeconds, maxSeconds);
        int elapsed = 0;
        double compileShare = 1;
        while (elapsed < maxSeconds && more.getAsBoolean()
                && (elapsed < minSeconds || compileShare >= SETTLED_COMPILE_SHARE)) {
            analyze.run();
            long compiledBefore = jit.getTotalCompilationTime();
            measure("warm-up, " + name, operation, WARM_UP_ROUND_SECONDS, done);
            compileShare = (jit.getTotalCompilationTime() - compiledBefore) / (WARM_UP_ROUND_SECONDS * 1000.0);
            elapsed += WARM_UP_ROUND_SECONDS;
        }
        System.out.printf("warm-up, %s: %d s, JIT compiler %.0f %% of a core in the last round%s%n", name, elapsed,
                100 * compileShare, compileShare < SETTLED_COMPILE_SHARE ? " (settled)" : " (not settled)");
    }

    private static ConcurrentLinkedQueue<Long> drafts(EstimateDrafting drafting, int count) throws Exception {
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(pool.submit(() -> {
                var priced = drafting.price(new Draft("AB-C", null, null, null,
                        List.of(new Draft.Line("AB-1", BigDecimal.ONE, null, null)), null));
                ids.add(drafting.create(priced, "sales1").estimate().getId());
            }));
        }
        for (var future : pending) {
            future.get();
        }
        pool.shutdown();
        return ids;
    }

    private static void row(String run, double rate, double starts, double completes) {
        System.out.printf("| %s | %.0f | %.2f | %.2f |%n", run, rate, rate / starts, rate / completes);
    }

    private static void post(LoadClient client, int port, String path, String user, String json) {
        int status = client.send(LoadClient.post("127.0.0.1", port, path, TestTokens.of(user), json)).join();
        if (status >= 300) {
            throw new IllegalStateException(path + " -> " + status);
        }
    }

    private static double measure(String name, Runnable operation, int seconds) throws InterruptedException {
        return measure(name, operation, seconds, () -> true);
    }

    /**
     * Closed loop for the given seconds; the phase ends when the workers have stopped and {@code done} holds.
     * Measured phases (not warm-ups) also print their database work per operation, read when PostgreSQL has
     * reported every connection's counters (so the next phase starts from a complete reading too).
     */
    private static double measure(String name, Runnable operation, int seconds, BooleanSupplier done)
            throws InterruptedException {
        DatabaseMeter work = measuredDatabase == null ? null : DatabaseMeter.start(measuredDatabase);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CpuMeter cpu = CpuMeter.start();
        long start = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        operation.run();
                        completed.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        long drainFrom = System.nanoTime();
        while (!done.getAsBoolean()) {
            Thread.sleep(10);
        }
        long end = System.nanoTime();
        double rate = completed.get() / ((end - start) / 1e9);
        System.out.printf("%s: %.0f/s (%d done, %d failed, %.1f s for the last asynchronous steps); %s%n", name, rate,
                completed.get(), failed.get(), (end - drainFrom) / 1e9, cpu.perOperation(completed.get()));
        if (work != null) {
            Thread.sleep(DatabaseMeter.REPORTED_WITHIN.toMillis());
            System.out.println("  " + work.perOperation(completed.get()));
        }
        return rate;
    }

    private static void send(HttpClient http, String url, String user, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.of(user)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
