package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.kis.estimator.ApplicationProcess;
import com.kis.estimator.InstancesOnOneRedis;
import com.kis.estimator.PrivatePostgres;
import com.kis.estimator.ProdClient;

/**
 * Issue 22's backup drill, with the scripts an operator runs ({@code deploy/backup/}): a PostgreSQL server of the
 * test's own archives its WAL through {@code archive-wal.sh} while an instance on the production profile serves
 * estimates and approvals; {@code base-backup.sh} takes a base backup mid-way. Then:
 * <ol>
 * <li>a <b>restore to a named time</b> into a fresh cluster ({@code restore.sh --to TIME}): the application starts
 * on it, its audit chain verifies, the rows counted at that time are exactly there, every estimate acknowledged
 * before it reads and none created after it exists, and new work is served;</li>
 * <li>the server is <b>lost</b> mid-load (stopped as a crash stops it, its folder never used again) and restored
 * to the end of the archive ({@code --to latest}): what is lost is only the newest acknowledged estimates, never
 * an older one while a newer survived, and the figures say how many seconds of work that was (RPO).</li>
 * </ol>
 */
@Tag("drill")
class BackupRestoreDrillTest {

    private static final Path SCRIPTS = Path.of("deploy/backup").toAbsolutePath();
    private static final String CUSTOMER = "T-BR-C";
    private static final String PRODUCT = "T-BR-1";
    /** Rows that settle once a round's followers are done; the heartbeat table is written by the clock. */
    private static final List<String> COUNTED = List.of("estimator.estimates", "estimator.estimate_items",
            "estimator.estimate_approvals", "estimator.estimate_history", "shared.audit_logs", "erp_ai.erp_outbound",
            "camunda.act_hi_procinst");
    /** The drill's; production's is 60 s (deploy/backup/postgresql-archiving.conf): the most a lost server takes. */
    private static final int ARCHIVE_TIMEOUT_S = 5;
    private static final DateTimeFormatter POSTGRES_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS+00")
            .withZone(ZoneOffset.UTC);

    @Test
    void restoresToANamedTimeAndAfterTheServerIsLostToTheEndOfTheArchive() throws Exception {
        Path backups = PrivatePostgres.ownedByServerUser(Files.createTempDirectory("kis-backups-"));
        List<Path> restoredFolders = new ArrayList<>();
        try (PrivatePostgres primary = PrivatePostgres.start(Map.of("wal_level", "replica", "archive_mode", "on",
                "archive_command", "'" + SCRIPTS.resolve("archive-wal.sh") + " %p %f " + backups.resolve("wal") + "'",
                "archive_timeout", "'" + ARCHIVE_TIMEOUT_S + "s'"))) {
            Load load = new Load();
            Map<String, Long> countsAtTarget;
            Instant target;
            long backupMs;
            try (InstancesOnOneRedis replicas = new InstancesOnOneRedis("kis_it_backup")) {
                ProdClient client = new ProdClient(replicas.start(onServer(primary.jdbcUrl())));
                client.catalog(PRODUCT, CUSTOMER);
                client.round(CUSTOMER, PRODUCT);
                long started = System.nanoTime();
                PrivatePostgres.runAsServerUser(List.of(SCRIPTS.resolve("base-backup.sh").toString(),
                        backups.toString(), "-h", "127.0.0.1", "-p", Integer.toString(primary.port()), "-U", "postgres"));
                backupMs = (System.nanoTime() - started) / 1_000_000;
                client.round(CUSTOMER, PRODUCT);
                load.create(client, 5, "before");

                countsAtTarget = settledCounts(primary);
                target = Instant.now();
                Thread.sleep(500);
                assertThat(counts(primary)).as("nothing written around the named time").isEqualTo(countsAtTarget);
                Thread.sleep(500);

                client.round(CUSTOMER, PRODUCT);
                load.create(client, 5, "after");
                // the server is lost while sales keep creating: longer than two archive periods, so that the
                // archive holds the named time and a stretch after it, and the newest work is not archived yet
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3L * ARCHIVE_TIMEOUT_S);
                while (System.nanoTime() < until) {
                    load.create(client, 1, "lost server");
                }
                primary.crash();
            }

            // 1. to the named time, the application on it
            Path atTarget = newDataFolder(restoredFolders);
            int atTargetPort = ApplicationProcess.freePort();
            long restoring = System.nanoTime();
            String restoreOutput = restore(backups, atTarget, POSTGRES_TIME.format(target), atTargetPort);
            long serverMs = (System.nanoTime() - restoring) / 1_000_000;
            try (PrivatePostgres restored = PrivatePostgres.adopt(atTarget, atTargetPort);
                    InstancesOnOneRedis replicas = new InstancesOnOneRedis("kis_it_restored")) {
                ProdClient client = new ProdClient(replicas.start(onServer(restored.jdbcUrl())));
                long rtoMs = (System.nanoTime() - restoring) / 1_000_000;
                HttpResponse<String> chain = client.send("admin", "GET", "/api/v1/audit/verify", null);
                Map<String, Long> countsRestored = counts(restored);
                List<Long> unreadable = load.ids("before").stream()
                        .filter(id -> status(client, id) != 200).toList();
                List<Long> afterTheTime = load.ids("after").stream().filter(id -> status(client, id) != 404).toList();
                client.round(CUSTOMER, PRODUCT);

                System.out.printf("Drill restore to a named time: base backup %d ms; restore.sh (data folder, replay, "
                        + "promotion) %d ms; application ready on it %d ms after the restore began (RTO); counts at "
                        + "the time %s, restored %s; audit chain %s; %s%n", backupMs, serverMs, rtoMs, countsAtTarget,
                        countsRestored, chain.body(), lastLine(restoreOutput));
                assertThat(chain.statusCode()).isEqualTo(200);
                assertThat(chain.body()).contains("\"valid\":true");
                assertThat(countsRestored).as("the rows as they were at the named time").isEqualTo(countsAtTarget);
                assertThat(unreadable).as("estimates acknowledged before the time, not readable after the restore")
                        .isEmpty();
                assertThat(afterTheTime).as("estimates created after the time, present after the restore").isEmpty();
            }

            // 2. the server lost: as much as the archive holds
            Path latest = newDataFolder(restoredFolders);
            int latestPort = ApplicationProcess.freePort();
            restoring = System.nanoTime();
            restoreOutput = restore(backups, latest, "latest", latestPort);
            long latestMs = (System.nanoTime() - restoring) / 1_000_000;
            try (PrivatePostgres restored = PrivatePostgres.adopt(latest, latestPort)) {
                Set<Long> present = new HashSet<>(ids(restored));
                List<Acknowledged> lost = load.acknowledged.stream().filter(ack -> !present.contains(ack.id())).toList();
                int firstLost = lost.isEmpty() ? load.acknowledged.size() : load.acknowledged.indexOf(lost.get(0));
                Instant lastAcknowledged = load.acknowledged.get(load.acknowledged.size() - 1).at();
                Instant lastKept = firstLost == 0 ? null : load.acknowledged.get(firstLost - 1).at();
                double rpoSeconds = lastKept == null ? Double.NaN
                        : (lastAcknowledged.toEpochMilli() - lastKept.toEpochMilli()) / 1000.0;

                System.out.printf("Drill server lost, restored to the end of the archive (archive_timeout %d s): %d "
                        + "estimates acknowledged, %d lost (the newest; the last one kept was acknowledged %.1f s "
                        + "before the last one: RPO), restore.sh %d ms; %s%n", ARCHIVE_TIMEOUT_S,
                        load.acknowledged.size(), lost.size(), rpoSeconds, latestMs, lastLine(restoreOutput));
                assertThat(lost).as("only the newest acknowledged estimates are lost, none before one that was kept")
                        .isEqualTo(load.acknowledged.subList(firstLost, load.acknowledged.size()));
                assertThat(firstLost).as("everything up to the named time and beyond was archived")
                        .isGreaterThan(load.ids("before").size() + load.ids("after").size());
            }
        } finally {
            restoredFolders.forEach(folder -> FileSystemUtils.deleteRecursively(folder.toFile()));
            FileSystemUtils.deleteRecursively(backups.toFile());
        }
    }

    private static Map<String, String> onServer(String jdbcUrl) {
        return Map.of("spring.datasource.url", jdbcUrl, "kis.processes.directory", "processes",
                "camunda.bpm.job-execution.enabled", "true", "kis.rate-limits.rules.estimates.limit", "10000",
                "kis.rate-limits.rules.estimate-reads.limit", "10000");
    }

    private static String restore(Path backups, Path data, String to, int port) throws Exception {
        return PrivatePostgres.runAsServerUser(List.of(SCRIPTS.resolve("restore.sh").toString(), "--backups",
                backups.toString(), "--data", data.toString(), "--to", to, "--port", Integer.toString(port)));
    }

    /** An empty folder the server's user owns; restore.sh fills it. */
    private static Path newDataFolder(List<Path> folders) throws Exception {
        Path folder = PrivatePostgres.ownedByServerUser(Files.createTempDirectory("kis-restored-"));
        folders.add(folder);
        return folder;
    }

    private static int status(ProdClient client, long id) {
        try {
            return client.send("sales1", "GET", "/api/v1/estimates/" + id, null).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The counts once a whole second passes without a change: the last round's followers are done. */
    private static Map<String, Long> settledCounts(PrivatePostgres server) throws Exception {
        Map<String, Long> last = counts(server);
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1000);
            Map<String, Long> now = counts(server);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the rows did not settle within a minute: " + last);
    }

    private static Map<String, Long> counts(PrivatePostgres server) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = server.connect("kis")) {
            for (String table : COUNTED) {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<Long> ids(PrivatePostgres server) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = server.connect("kis");
                ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM estimator.estimates")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private record Acknowledged(long id, String phase, Instant at) {
    }

    /** Estimates created one after another, each with the moment its 201 arrived, in that order. */
    private static final class Load {

        private final List<Acknowledged> acknowledged = new ArrayList<>();

        void create(ProdClient client, int count, String phase) throws Exception {
            for (int i = 0; i < count; i++) {
                HttpResponse<String> created = client.send("sales1", "POST", "/api/v1/estimates", "{\"customerCode\":\""
                        + CUSTOMER + "\",\"items\":[{\"productCode\":\"" + PRODUCT + "\",\"quantity\":2}]}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                acknowledged.add(new Acknowledged(ProdClient.id(created.body()), phase, Instant.now()));
            }
        }

        List<Long> ids(String phase) {
            return acknowledged.stream().filter(ack -> ack.phase().equals(phase)).map(Acknowledged::id).toList();
        }
    }
}
