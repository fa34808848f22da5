package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.AlertWatch;
import com.kis.estimator.Await;
import com.kis.estimator.InstancesOnOneRedis;
import com.kis.estimator.PrivatePostgres;
import com.kis.estimator.ProdClient;

/**
 * Issue 22's PostgreSQL drill on the production profile: the database stops (as {@code pg_ctlcluster … restart}
 * stops it first: fast, sessions cut) under an instance running the real processes and their jobs. While it is
 * away every request answers a quick 503 problem+json with Retry-After, changes nothing, and the instance says it
 * is not ready; when the database is back the pool and the job executor recover by themselves and the next round
 * of create, read, PDF, submit, approve and APPROVED succeeds, with every row acknowledged before the stop still
 * there, and an ERP import under way when the database went completes once. The server is the test's own
 * ({@link PrivatePostgres}), not the one the other tests share.
 */
@Tag("drill")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartDrillTest {

    private static final String CUSTOMER = "T-PG-C";
    private static final String PRODUCT = "T-PG-1";
    /** How long the database stays away: several rounds of requests. */
    private static final long OUTAGE_MS = 10_000;
    private static final int IMPORT_ROWS = 10_000; // a JSON body of about 1.2 MB (the limit is 2 MB)
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrivatePostgres postgres;
    private InstancesOnOneRedis replicas;
    private ProdClient client;
    private AlertWatch alerts;

    @BeforeAll
    void startOneInstanceOnAServerOfItsOwn() throws Exception {
        postgres = PrivatePostgres.start();
        replicas = new InstancesOnOneRedis("kis_it_pg_restart");
        String base = replicas.start(Map.of("spring.datasource.url", postgres.jdbcUrl(),
                "kis.processes.directory", "processes", "camunda.bpm.job-execution.enabled", "true",
                "kis.rate-limits.rules.estimates.limit", "10000", "kis.rate-limits.rules.estimate-reads.limit", "10000"));
        client = new ProdClient(base);
        alerts = AlertWatch.watching(base);
        client.catalog(PRODUCT, CUSTOMER);
    }

    @AfterAll
    void stop() {
        if (alerts != null) {
            alerts.close();
        }
        if (replicas != null) {
            replicas.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsAwayRequestsFailFastWith503AndWorkResumesWithoutARestart() throws Exception {
        client.round(CUSTOMER, PRODUCT); // warms the JVM; not counted
        Map<String, Long> before = client.round(CUSTOMER, PRODUCT);
        long estimatesBefore = count("SELECT count(*) FROM estimator.estimates");
        long decisionsBefore = count("SELECT count(*) FROM estimator.estimate_approvals");
        // an ERP import pushed just before: its run is under way when the database goes
        HttpResponse<String> pushed = client.send("ops1", "POST", "/api/v1/erp/import?type=products",
                ProdClient.productsToImport("T-PGI", IMPORT_ROWS));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        String importId = JSON.readTree(pushed.body()).path("importId").asText();
        String importAtStop = importState(importId);

        postgres.stopServer();
        long stopped = System.nanoTime();
        List<Long> outageMillis = new ArrayList<>();
        List<String> notServiceUnavailable = new ArrayList<>();
        String create = "{\"customerCode\":\"" + CUSTOMER + "\",\"items\":[{\"productCode\":\"" + PRODUCT
                + "\",\"quantity\":3}]}";
        while (System.nanoTime() - stopped < TimeUnit.MILLISECONDS.toNanos(OUTAGE_MS)) {
            for (String[] request : new String[][] {{"sales1", "POST", "/api/v1/estimates", create},
                    {"sales1", "GET", "/api/v1/estimates", null}, {"sales1", "GET", "/api/v1/customers", null}}) {
                long sent = System.nanoTime();
                HttpResponse<String> answer = client.send(request[0], request[1], request[2], request[3]);
                outageMillis.add((System.nanoTime() - sent) / 1_000_000);
                if (answer.statusCode() != 503
                        || !answer.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                        || answer.headers().firstValue("Retry-After").isEmpty()) {
                    notServiceUnavailable.add(request[1] + " " + request[2] + " " + answer.statusCode() + " "
                            + answer.body());
                }
            }
        }
        int readinessWhileAway = client.get("/actuator/health/readiness").statusCode();

        long starting = System.nanoTime();
        postgres.startServer();
        long serverUpMs = (System.nanoTime() - starting) / 1_000_000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (client.send("sales1", "GET", "/api/v1/estimates", null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("requests served again without a restart").isLessThan(deadline);
            Thread.sleep(100);
        }
        long servingAgainMs = (System.nanoTime() - starting) / 1_000_000;
        Map<String, Long> after = client.round(CUSTOMER, PRODUCT);
        String importAfter = Await.until("the import ended", () -> {
            String state = importState(importId);
            return state.startsWith("RUNNING") ? null : state;
        });
        long imported = count("SELECT count(*) FROM estimator.products WHERE code LIKE 'T-PGI-%'");
        Map<String, String> raised = alerts.raised();

        long maxOutageMs = outageMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("Drill PostgreSQL stopped %d s (prod profile, one instance): ms per step before %s, after %s "
                + "(ratio %.2f); %d requests while it was away, slowest answer %d ms, not a 503 problem: %d; readiness "
                + "while away %d; server up %d ms after its start began, requests served again %d ms after; an ERP "
                + "import of %d products %s at the stop, then %s (%d products in the catalog); alerts raised: %s%n",
                OUTAGE_MS / 1000, before, after, (double) ProdClient.total(after) / ProdClient.total(before),
                outageMillis.size(), maxOutageMs, notServiceUnavailable.size(), readinessWhileAway, serverUpMs,
                servingAgainMs, IMPORT_ROWS, importAtStop, importAfter, imported, raised);

        assertThat(notServiceUnavailable).as("answers while the database was away").isEmpty();
        assertThat(readinessWhileAway).as("out of the load balancer while the database is away").isEqualTo(503);
        assertThat(count("SELECT count(*) FROM estimator.estimates")).as("nothing written while away, one round after")
                .isEqualTo(estimatesBefore + 1);
        assertThat(count("SELECT count(*) FROM estimator.estimate_approvals"))
                .isEqualTo(decisionsBefore + 1);
        assertThat(importAfter).as("the import under way when the database went").startsWith("COMPLETED");
        assertThat(imported).as("its products, once each").isEqualTo(IMPORT_ROWS);
        // every answer a 503 for 10 s: the 5xx rule holds, and waits its 5 minutes before paging
        assertThat(raised).as("alerts raised").containsEntry("KisServerErrors", "pending")
                .doesNotContainKeys("KisIncidentsOpen", "KisErpImportFailed");
    }

    private String importState(String importId) {
        try (Connection connection = postgres.connect("kis"); var query = connection.prepareStatement(
                "SELECT state || ' ' || coalesce(outcome, '') FROM erp_ai.erp_sync_logs WHERE import_id = ?::uuid")) {
            query.setString(1, importId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "not recorded";
            }
        } catch (SQLException databaseAway) {
            return "RUNNING (database away)";
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = postgres.connect("kis"); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
