package com.kis.estimator.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kis.estimator.DrillLoad;
import com.kis.estimator.ProdClient;
import com.kis.estimator.ReplicaCluster;

/**
 * Issue 22's soak: one instance on the production profile (its own JVM, PostgreSQL, a redis-server of its own,
 * the real Keycloak) under the drills' load. First its capacity: creations per second (each submitted and
 * approved) with the clients as fast as they go, after a warm-up. Then the same load paced at a share of that
 * for the soak's minutes; each minute one row: requests answered and their p99, 5xx, heap used right after a
 * full GC ({@code jcmd GC.run}: the live set, not the garbage between collections), live threads, the pool's
 * connections, the database's sessions. The question is whether these stay flat from the fifth minute on.
 * Run: bench/soak.sh [minutes, default 30] [share of capacity, default 0.5].
 */
public final class SoakRun {

    private static final String CUSTOMER = "T-SOAK-C";
    private static final String PRODUCT = "T-SOAK-1";
    private static final String ESTIMATE = "{\"customerCode\":\"" + CUSTOMER + "\",\"items\":[{\"productCode\":\""
            + PRODUCT + "\",\"quantity\":3}]}";

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double share = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        try (ReplicaCluster instance = new ReplicaCluster("kis_bench_soak",
                Map.of("kis.rate-limits.enabled", "false", "logging.level.root", "warn")).startAlone()) {
            ProdClient client = new ProdClient(instance.base());
            client.catalog(PRODUCT, CUSTOMER);
            long pid = instance.replica(0).process().pid();

            DrillLoad warmUp = new DrillLoad(client, ESTIMATE).start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(30));
            warmUp.stop();
            DrillLoad flatOut = new DrillLoad(client, ESTIMATE).start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(60));
            double capacity = flatOut.createdSoFar() / 60.0;
            flatOut.stop();
            double rate = capacity * share;
            System.out.printf(Locale.ROOT, "capacity %.2f creations/s (each submitted and approved; %s); soak at "
                    + "%.2f/s for %d min%n", capacity, DrillLoad.clientsDescription(), rate, minutes);

            List<String> rows = new ArrayList<>(List.of(
                    "minute,requests,p99_ms,server_errors,heap_after_gc_mb,threads,pool_active,pool_total,db_sessions"));
            DrillLoad soak = new DrillLoad(client, ESTIMATE).paced(rate).start();
            int errorsBefore = 0;
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
                List<Long> latencies = soak.drainLatencies();
                int errors = soak.serverErrors();
                String metrics = afterFullGc(pid, client);
                String row = String.format(Locale.ROOT, "%d,%d,%d,%d,%.1f,%.0f,%.0f,%.0f,%d", minute,
                        latencies.size(), p99(latencies), errors - errorsBefore,
                        sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1_048_576,
                        sum(metrics, "jvm_threads_live_threads", ""), sum(metrics, "hikaricp_connections_active", ""),
                        sum(metrics, "hikaricp_connections", "pool="), sessions(instance));
                errorsBefore = errors;
                rows.add(row);
                System.out.println(row);
            }
            soak.stop();
            Path out = Path.of("target", "soak.csv");
            Files.createDirectories(out.getParent());
            Files.write(out, rows);
            System.out.println("rows in " + out.toAbsolutePath());
        }
    }

    /** Actuator's Prometheus page right after a full GC of the instance's JVM. */
    private static String afterFullGc(long pid, ProdClient client) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(60, TimeUnit.SECONDS);
        return client.get("/actuator/prometheus").body();
    }

    /** The sum of a meter's samples whose labels contain {@code label}. */
    private static double sum(String metrics, String meter, String label) {
        Matcher sample = Pattern.compile("(?m)^" + meter + "\\{([^}]*)} (\\S+)$").matcher(metrics);
        double total = 0;
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }

    private static long p99(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }

    private static long sessions(ReplicaCluster instance) throws Exception {
        try (Connection connection = instance.database().connect(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1) - 1; // not this one
        }
    }

    private SoakRun() {
    }
}
