package com.kis.estimator.erp.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.KisEstimatorApplication;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.process.ImportRequest;
import com.kis.estimator.erp.process.ImportRequests;
import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.run.ImportState;

/**
 * ERP import throughput on PostgreSQL, end to end: the file taken in, the erp-import process (lock, COPY into
 * staging, validation, MERGE apply, sync log), against a baseline in the same run: a raw COPY of the same files
 * into plain tables. Default: 100,000 products then 200,000 price entries (two price lists), then the same files
 * again (nothing changes). With {@code --rows N}: one products file of N rows (run under -Xmx512m to show that
 * memory stays bounded). Run: bench/erp-import.sh [--rows N].
 */
public final class ErpImportBenchmark {

    public static void main(String[] args) throws Exception {
        int onlyProducts = args.length == 2 && args[0].equals("--rows") ? Integer.parseInt(args[1]) : 0;
        int products = onlyProducts > 0 ? onlyProducts : 100_000;
        Path dir = Files.createTempDirectory("kis-erp-bench");
        Path productFile = products(dir.resolve("products.csv"), products);
        Path priceFile = onlyProducts > 0 ? null : prices(dir.resolve("prices.csv"), products);

        PostgresTestDatabase database = PostgresTestDatabase.createFresh("kis_bench");
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("logging.level.root", "warn");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakTestServer.get().issuer());
        properties.put("kis.erp.work-dir", dir.resolve("work").toString());
        properties.put("kis.erp.max-file-size", "1GB");
        properties.put("kis.erp.lock-retry", "PT1S");
        properties.put("kis.erp.inbox.enabled", "false");
        String[] appArgs = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KisEstimatorApplication.class)
                .profiles("prod").run(appArgs)) {
            ImportRequests requests = app.getBean(ImportRequests.class);
            ImportRuns runs = app.getBean(ImportRuns.class);
            HistoryService history = app.getBean(HistoryService.class);

            double copyRate = rawCopy(database, productFile, priceFile);

            System.out.println();
            System.out.printf("machine: %d cores, max heap %d MB; PostgreSQL + Redis on localhost%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| run | rows | seconds | rows/s | × raw COPY |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.printf("| raw COPY into plain tables (baseline) | %d | | %.0f | 1.00 |%n",
                    products + (priceFile == null ? 0 : 2L * products), copyRate);
            for (String pass : onlyProducts > 0 ? new String[] {"first import"}
                    : new String[] {"first import", "same files again (all unchanged)"}) {
                Instant start = Instant.now();
                ImportRun productRun = importAndWait(requests, runs, ImportType.PRODUCTS, productFile);
                ImportRun priceRun = priceFile == null ? null : importAndWait(requests, runs, ImportType.PRICES, priceFile);
                double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                long rows = productRun.totalRows() + (priceRun == null ? 0 : priceRun.totalRows());
                System.out.printf("| %s, end to end | %d | %.1f | %.0f | %.2f |%n", pass, rows, seconds,
                        rows / seconds, rows / seconds / copyRate);
                phases(history, productRun);
                if (priceRun != null) {
                    phases(history, priceRun);
                }
            }
            System.out.printf("heap: peak %d MB of %d MB%n", peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            database.drop();
        }
    }

    private static ImportRun importAndWait(ImportRequests requests, ImportRuns runs, ImportType type, Path file)
            throws IOException, InterruptedException {
        ImportRun run;
        try (var in = Files.newInputStream(file)) {
            run = requests.request(new ImportRequest(type, "api", file.getFileName().toString(), false, null, "bench"),
                    in);
        }
        while (true) {
            ImportRun now = runs.find(run.importId()).orElseThrow();
            if (now.state() == ImportState.COMPLETED || now.state() == ImportState.FAILED) {
                if (now.state() == ImportState.FAILED || now.counts().rejected() > 0) {
                    throw new IllegalStateException("benchmark import did not apply cleanly: " + now);
                }
                return now;
            }
            Thread.sleep(100);
        }
    }

    /** Where the time went, from Camunda's history of the run. */
    private static void phases(HistoryService history, ImportRun run) {
        StringBuilder line = new StringBuilder("  " + run.source() + ": " + run.counts() + ";");
        for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                .processInstanceId(run.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
            if (step.getDurationInMillis() != null && step.getDurationInMillis() > 20) {
                line.append(' ').append(step.getActivityId()).append(' ').append(step.getDurationInMillis()).append(" ms");
            }
        }
        System.out.println(line);
    }

    /** The baseline: COPY of the same CSV files into plain tables, no checks, no keys. */
    private static double rawCopy(PostgresTestDatabase database, Path productFile, Path priceFile) throws Exception {
        try (Connection connection = database.connect()) {
            var statement = connection.createStatement();
            statement.execute("CREATE TABLE public.bench_products (code text, name text, spec text, category text,"
                    + " unit text, list_price numeric, cost numeric, active text)");
            statement.execute("CREATE TABLE public.bench_prices (price_list text, product_code text, price numeric,"
                    + " valid_from date, valid_to date)");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            long rows;
            try (Reader reader = Files.newBufferedReader(productFile, StandardCharsets.UTF_8)) {
                rows = copy.copyIn("COPY public.bench_products FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            }
            if (priceFile != null) {
                try (Reader reader = Files.newBufferedReader(priceFile, StandardCharsets.UTF_8)) {
                    rows += copy.copyIn("COPY public.bench_prices FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Path products(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("product_code,name,spec,category,unit,list_price,cost,active\n");
            for (int i = 1; i <= count; i++) {
                out.write("B-" + i + ",배선용 차단기 " + i + ",\"AC 460V, " + (i % 400) + "A\",BREAKER,EA,"
                        + (10_000 + i % 9_000) + "," + (6_000 + i % 5_000) + ",Y\n");
            }
        }
        return file;
    }

    private static Path prices(Path file, int products) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("price_list,product_code,price,valid_from,valid_to\n");
            for (String list : new String[] {"PL-BENCH-A", "PL-BENCH-B"}) {
                for (int i = 1; i <= products; i++) {
                    out.write(list + ",B-" + i + "," + (9_000 + i % 8_000) + ",2026-01-01,\n");
                }
            }
        }
        return file;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

}
