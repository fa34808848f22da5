package com.kis.estimator.approval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.kis.estimator.CpuMeter;
import com.kis.estimator.KisEstimatorApplication;
import com.kis.estimator.LoadClient;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.PhaseProfiler;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.TestTokens;
import com.kis.estimator.approval.ApprovalDecisions;
import com.kis.estimator.approval.ApprovalSubmission;
import com.kis.estimator.estimate.drafting.Draft;
import com.kis.estimator.estimate.drafting.EstimateDrafting;

/**
 * Approval throughput on PostgreSQL: submissions per second through {@code POST /api/v1/estimates/{id}/submit}
 * and complete one-level approvals per second (submit + the approver's decision + the asynchronous step that
 * marks the estimate approved), against a baseline in the same run — the bare engine starting, and starting and
 * completing, a one-user-task process. Closed loop: 8 workers as fast as they go for the given seconds.
 * Run: bench/approvals-load.sh [seconds].
 */
public final class ApprovalLoadBenchmark {

    private static final int WORKERS = 8;

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
            IdentityService identity = app.getBean(IdentityService.class);
            identity.saveGroup(identity.newGroup("approver"));
            var approver = identity.newUser("approver1");
            approver.setPassword("bench-only");
            identity.saveUser(approver);
            identity.createMembership("approver1", "approver");
            app.getBean(RepositoryService.class).createDeployment().addModelInstance("bench-baseline.bpmn",
                    Bpmn.createExecutableProcess("bench-baseline").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("task").endEvent().done()).deploy();

            RuntimeService runtime = app.getBean(RuntimeService.class);
            TaskService tasks = app.getBean(TaskService.class);
            ApprovalSubmission submission = app.getBean(ApprovalSubmission.class);
            ApprovalDecisions decisions = app.getBean(ApprovalDecisions.class);
            ConcurrentLinkedQueue<Long> drafts = drafts(app.getBean(EstimateDrafting.class), 10_000);
            // Each phase adds thousands of rows within seconds (the first leaves ~18,000 open tasks behind), which
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
            Runnable apiSubmit = () -> {
                String path = "/api/v1/estimates/" + drafts.remove() + "/submit";
                int status = client.send(LoadClient.post("127.0.0.1", port, path, TestTokens.of("sales1"), "{}")).join();
                if (status >= 300) {
                    throw new IllegalStateException(path + " -> " + status);
                }
            };
            Runnable approveOneLevel = () -> {
                long id = drafts.remove();
                submission.submit(id, "sales1");
                decisions.decide(id, "approver1", "APPROVE", null);
            };

            // Long warm-ups: a submission runs through a lot of code (Spring Security, Hibernate, Camunda, the
            // FEEL engine, DJL), and with 5-second warm-ups the JIT compiler was still using a third of the CPU
            // during the measured runs. Fresh statistics before each warm-up too: on the empty database's, deleting
            // a finished execution took 100 ms and the approvals' warm-up barely ran.
            analyze.run();
            measure("warm-up", bareStartComplete, 10);
            analyze.run();
            measure("warm-up", apiSubmit, 30);
            analyze.run();
            measure("warm-up", approveOneLevel, 10);
            analyze.run();
            double starts = measure("bare engine: start a one-user-task process", bareStart, seconds);
            analyze.run();
            PhaseProfiler profiler = PhaseProfiler.start();
            double submits = measure("POST /api/v1/estimates/{id}/submit", apiSubmit, seconds);
            profiler.stop();
            analyze.run();
            double completes = measure("bare engine: start + complete the task", bareStartComplete, seconds);
            analyze.run();
            double approvals = measure("submit + decide one level (service calls)", approveOneLevel, seconds);
            System.out.println();
            System.out.printf("machine: %d cores; %d workers, closed loop, %d s each; PostgreSQL + Redis on localhost%n",
                    Runtime.getRuntime().availableProcessors(), WORKERS, seconds);
            System.out.println("| run | per second | × baseline |");
            System.out.println("|---|---:|---:|");
            System.out.printf("| bare engine: start | %.0f | 1.0 |%n", starts);
            System.out.printf("| submissions through the API | %.0f | %.2f |%n", submits, submits / starts);
            System.out.printf("| bare engine: start + complete | %.0f | 1.0 |%n", completes);
            System.out.printf("| one-level approvals (submit + decide) | %.0f | %.2f |%n", approvals, approvals / completes);
        } finally {
            database.drop();
        }
        System.exit(0);
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

    private static double measure(String name, Runnable operation, int seconds) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
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
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%s: %.0f/s (%d done, %d failed); %s%n", name, rate, done.get(), failed.get(),
                cpu.perOperation(done.get()));
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
