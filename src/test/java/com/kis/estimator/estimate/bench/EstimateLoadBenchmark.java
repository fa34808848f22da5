package com.kis.estimator.estimate.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import com.kis.estimator.CpuMeter;
import com.kis.estimator.KisEstimatorApplication;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.LoadClient;
import com.kis.estimator.PhaseProfiler;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.TestTokens;
import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateNumbers;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.estimate.model.EstimateRevisions;
import com.kis.estimator.estimate.quote.PricedQuote;
import com.kis.estimator.estimate.quote.QuoteLine;
import com.kis.estimator.estimate.quote.QuotePricing;
import com.kis.estimator.pricing.PricedEstimate;

/**
 * Load: {@code POST /api/v1/estimates} with 20 lines at a fixed arrival rate on PostgreSQL and Redis, against a
 * baseline in the same run that inserts the same rows (estimate, revision, 20 items) through JPA without HTTP,
 * validation or pricing. Open loop: latency counts from each request's scheduled start, so a stalled server
 * is not hidden by a stalled client. Every request carries the same body, so after the first its quote comes
 * from the Redis cache. The requests go through {@link LoadClient} over 64 keep-alive connections. Run:
 * bench/estimates-load.sh [rate] [seconds].
 */
public final class EstimateLoadBenchmark {

    private static final int LINES = 20;
    /** More than Tomcat's 50 request threads, so that the server, not the client, decides what waits. */
    private static final int CONNECTIONS = 64;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PostgresTestDatabase database = PostgresTestDatabase.createFresh("kis_bench");
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakTestServer.get().issuer());
        // One user sends thousands of requests: the per-user limits would measure the limiter, not the API.
        properties.put("kis.rate-limits.enabled", "false");
        // BENCH_AUDIT=false measures the API without its request audit rows (what they cost).
        properties.put("kis.audit.api-requests", System.getenv().getOrDefault("BENCH_AUDIT", "true"));
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("logging.level.root", "warn");
        String[] appArgs = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KisEstimatorApplication.class)
                .profiles("prod").run(appArgs)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
            String base = "http://127.0.0.1:" + port;
            String body = seedCatalog(http, base);
            LoadClient client = new LoadClient("127.0.0.1", port, CONNECTIONS);
            Supplier<CompletableFuture<Boolean>> post = () -> client.send(LoadClient.post("127.0.0.1", port,
                    "/api/v1/estimates", TestTokens.of("sales1"), body)).thenApply(status -> status == 201);
            Supplier<CompletableFuture<Boolean>> insert = baselineInsert(app);

            // The JIT compiles for tens of seconds on 2 cores, and C2 compiles a method only after thousands of
            // calls: measured runs start once it has settled (9,000 requests).
            System.out.printf("warm-up: %s / %s%n", run("baseline", insert, 150, 15), run("api", post, 200, 45));
            Result baseline = run("baseline: same rows through JPA", insert, rate, seconds);
            PhaseProfiler profiler = PhaseProfiler.start();
            Result api = run("POST /api/v1/estimates, 20 lines", post, rate, seconds);
            profiler.stop();
            System.out.println();
            System.out.printf("machine: %d cores; offered rate %d/s for %d s; PostgreSQL + Redis on localhost%n",
                    Runtime.getRuntime().availableProcessors(), rate, seconds);
            System.out.println("| run | completed/s | p50 ms | p99 ms | max ms | errors | p99 × baseline |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            System.out.println(baseline.row(baseline));
            System.out.println(api.row(baseline));
        } finally {
            database.drop();
        }
        System.exit(0);
    }

    private static String seedCatalog(HttpClient http, String base) throws Exception {
        send(http, base + "/api/v1/volume-tiers", "PUT", """
                {"tiers":[{"minQuantity":10,"discountRate":2},{"minQuantity":50,"discountRate":4}]}""");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            send(http, base + "/api/v1/products", "POST", """
                    {"code":"B-%d","name":"벤치 품목 %d","spec":"AC 460V","category":"BREAKER","unit":"EA","listPrice":%d,"cost":%d}"""
                    .formatted(i, i, 10_000 + 100 * i, 7_000 + 70 * i));
            items.add("{\"productCode\":\"B-%d\",\"quantity\":%d,\"discountRate\":%d}".formatted(i, 1 + 7 * i, i % 5));
        }
        send(http, base + "/api/v1/price-lists", "POST", """
                {"code":"PL-B","name":"벤치","entries":[{"productCode":"B-0","price":9000,"validFrom":"2020-01-01"}]}""");
        send(http, base + "/api/v1/customers", "POST", """
                {"code":"C-B","name":"(주)벤치","businessRegistrationNumber":"124-81-00998","tier":"A","priceListCode":"PL-B"}""");
        return """
                {"customerCode":"C-B","discountRate":1.5,"note":"load","items":[%s]}""".formatted(String.join(",", items));
    }

    /** Writes what a POST writes — estimate, revision, 20 items — with prices computed once up front. */
    private static Supplier<CompletableFuture<Boolean>> baselineInsert(ConfigurableApplicationContext app) {
        EstimateRepository estimates = app.getBean(EstimateRepository.class);
        EstimateRevisions revisions = app.getBean(EstimateRevisions.class);
        EstimateNumbers numbers = app.getBean(EstimateNumbers.class);
        TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
        CatalogLookup.CustomerInfo customer = app.getBean(CatalogLookup.class).customer("C-B").orElseThrow();
        PricedQuote quote = app.getBean(QuotePricing.class).quote(customer, LocalDate.now(), BigDecimal.ONE,
                IntStream.range(0, LINES).mapToObj(i -> new QuoteLine("B-" + i, BigDecimal.valueOf(1 + 7 * i),
                        BigDecimal.valueOf(i % 5))).toList());
        PricedEstimate priced = quote.pricing();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        return () -> CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            LocalDate today = LocalDate.now();
            Estimate estimate = new Estimate(numbers.next(today), "bench", null);
            List<EstimateItem> items = IntStream.range(0, LINES).mapToObj(i -> new EstimateItem(i + 1,
                    quote.products().get(i).name(), quote.products().get(i).spec(), quote.products().get(i).unit(),
                    priced.lines().get(i), null)).toList();
            EstimateRevision revision = EstimateRevision.builder().of(estimate, 1)
                    .customer(customer.code(), customer.name(), customer.businessRegistrationNumber(), customer.tier(),
                            customer.priceListCode())
                    .terms(today, today.plusDays(30), priced.discountRate(), "load")
                    .totals(priced.subtotal(), priced.discountAmount(), priced.supplyAmount(), priced.vat(), priced.total())
                    .margin(priced.cost(), priced.margin(), priced.marginRate())
                    .created("bench", Instant.now(Clock.systemUTC())).items(items).build();
            estimate.adopt(revision, customer.id());
            estimates.save(estimate);
            revisions.save(revision);
            return true;
        }), pool);
    }

    private static Result run(String name, Supplier<CompletableFuture<Boolean>> operation, int rate, int seconds)
            throws InterruptedException {
        System.out.printf("%s: %d/s for %d s from %s%n", name, rate, seconds, java.time.LocalTime.now());
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        CpuMeter cpu = CpuMeter.start();
        long start = System.nanoTime();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            int n = issued.getAndIncrement();
            if (n >= total) {
                return;
            }
            long scheduled = start + n * intervalNanos;
            operation.get().whenComplete((ok, failure) -> {
                latencies[n] = System.nanoTime() - scheduled;
                if (failure != null || !Boolean.TRUE.equals(ok)) {
                    errors.incrementAndGet();
                }
                done.incrementAndGet();
            });
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        clock.shutdownNow();
        System.out.printf("  %s: %s%n", name, cpu.perOperation(done.get()));
        long[] sorted = Arrays.copyOf(latencies, done.get());
        Arrays.sort(sorted);
        return new Result(name, done.get() / elapsed, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get() + (total - done.get()));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void send(HttpClient http, String url, String method, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.of("admin"))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
    }

    record Result(String name, double throughput, double p50, double p99, double max, int errors) {
        String row(Result baseline) {
            return "| %s | %.0f | %.1f | %.1f | %.1f | %d | %.1f |".formatted(name, throughput, p50, p99, max, errors,
                    p99 / baseline.p99);
        }

        @Override
        public String toString() {
            return "%s %.0f/s p50 %.1f ms p99 %.1f ms".formatted(name, throughput, p50, p99);
        }
    }

}
