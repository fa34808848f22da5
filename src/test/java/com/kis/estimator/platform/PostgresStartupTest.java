package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.kis.estimator.KisEstimatorApplication;
import com.kis.estimator.PostgresTestDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The prod profile on the real PostgreSQL and Redis, starting from an empty database each time.
 */
class PostgresStartupTest {

    private final List<PostgresTestDatabase> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(PostgresTestDatabase::drop);
    }

    @Test
    void emptyDatabaseIsMigratedIntoSeparateSchemasAndASecondStartChangesNothing() throws Exception {
        PostgresTestDatabase database = freshDatabase();

        DatabaseState afterFirstStart;
        try (ConfigurableApplicationContext app = start(database, Map.of())) {
            assertHealthyWithDatabaseAndRedis(app);
            afterFirstStart = DatabaseState.read(database, app);
        }
        assertThat(afterFirstStart.schemas()).contains("estimator", "erp_ai", "shared", "camunda");
        assertThat(afterFirstStart.migrations()).containsKeys("1", "1.1");
        assertThat(afterFirstStart.camundaTables()).as("Camunda tables in schema camunda").isGreaterThan(40);
        assertThat(afterFirstStart.camundaTablesInPublic()).as("Camunda tables leaked into public").isZero();
        assertThat(afterFirstStart.indexesOfOurs()).as("our indexes on Camunda's tables").containsExactly(
                "CREATE INDEX kis_idx_job_due ON camunda.act_ru_job USING btree (duedate_)",
                "CREATE INDEX kis_idx_task_parent ON camunda.act_ru_task USING btree (parent_task_id_)");
        assertThat(afterFirstStart.deployedResources())
                .containsExactlyInAnyOrder("fixture-review.bpmn", "fixture-routing.dmn", "forms/fixture-review.form");

        try (ConfigurableApplicationContext app = start(database, Map.of())) {
            assertHealthyWithDatabaseAndRedis(app);
            assertThat(DatabaseState.read(database, app)).isEqualTo(afterFirstStart);
        }
    }

    @Test
    void jobsLeftWithoutADueDateGetOneAtStartSoTheJobExecutorStillFindsThem() throws Exception {
        PostgresTestDatabase database = freshDatabase();
        start(database, Map.of()).close();
        // as an engine without ensure-job-due-date-not-null wrote an async step
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("INSERT INTO camunda.act_ru_job (id_, rev_, type_, retries_,"
                    + " suspension_state_, priority_, exclusive_, handler_type_, create_time_)"
                    + " VALUES ('left-over', 1, 'message', 3, 1, 0, true, 'async-continuation', TIMESTAMP '2026-01-02 03:04:05')");
        }

        try (ConfigurableApplicationContext app = start(database, Map.of())) {
            ManagementService management = app.getBean(ManagementService.class);
            assertThat(management.createJobQuery().jobId("left-over").singleResult().getDuedate())
                    .as("its creation time: due at once, as before").isEqualTo(Timestamp.valueOf("2026-01-02 03:04:05"));
            assertThat(management.createJobQuery().executable().jobId("left-over").count()).isEqualTo(1);
        }
    }

    @Test
    void jobsLockedByADeadProcessAreGivenBackWithinSecondsAndAStopGivesBackItsOwn() throws Exception {
        PostgresTestDatabase database = freshDatabase();
        ConfigurableApplicationContext app = start(database, Map.of(
                "kis.workflow.job-executor.heartbeat", "500ms",
                "kis.workflow.job-executor.presumed-dead-after", "2s"));
        String ownLockOwner;
        try (Connection connection = database.connect()) {
            ownLockOwner = DatabaseState.strings(connection, "SELECT lock_owner FROM shared.job_executor_nodes").get(0);
            assertThat(ownLockOwner).as("host/pid/random").endsWith("/" + ProcessHandle.current().pid()
                    + ownLockOwner.substring(ownLockOwner.lastIndexOf('/')));
            connection.createStatement().execute("INSERT INTO shared.job_executor_nodes VALUES"
                    + " ('gone-host/1/dead', 'gone-host', now() - interval '1 hour', now() - interval '1 hour')");
            lockedJob(connection, "held-by-the-dead", "gone-host/1/dead");
            lockedJob(connection, "held-by-a-stranger", "an-engine-without-heartbeat");
            lockedJob(connection, "held-by-us", ownLockOwner);
        }

        try (Connection connection = database.connect()) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!lock(connection, "held-by-the-dead").startsWith("null") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(lock(connection, "held-by-the-dead")).as("released, revision raised").isEqualTo("null rev 2");
            assertThat(lock(connection, "held-by-a-stranger")).as("no heartbeat row: left to Camunda's expiry")
                    .isEqualTo("an-engine-without-heartbeat rev 1");
            assertThat(lock(connection, "held-by-us")).isEqualTo(ownLockOwner + " rev 1");
            assertThat(DatabaseState.strings(connection, "SELECT lock_owner FROM shared.job_executor_nodes"))
                    .containsExactly(ownLockOwner);
            assertThat(app.getBean(MeterRegistry.class).counter("kis.workflow.dead.node.jobs.released").count())
                    .isEqualTo(1);

            app.close();

            assertThat(lock(connection, "held-by-us")).as("given back at a graceful stop").isEqualTo("null rev 2");
            assertThat(DatabaseState.strings(connection, "SELECT lock_owner FROM shared.job_executor_nodes")).isEmpty();
        } finally {
            app.close();
        }
    }

    private static void lockedJob(Connection connection, String id, String owner) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO camunda.act_ru_job (id_, rev_, type_, retries_,"
                + " suspension_state_, priority_, exclusive_, handler_type_, create_time_, duedate_, lock_owner_,"
                + " lock_exp_time_) VALUES (?, 1, 'message', 3, 1, 0, true, 'async-continuation', now(), now(), ?,"
                + " now() + interval '5 minutes')")) {
            insert.setString(1, id);
            insert.setString(2, owner);
            insert.executeUpdate();
        }
    }

    private static String lock(Connection connection, String job) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(
                "SELECT lock_owner_, lock_exp_time_, rev_ FROM camunda.act_ru_job WHERE id_ = '" + job + "'")) {
            row.next();
            assertThat(row.getString(1) == null).as("owner and expiry go together").isEqualTo(row.getObject(2) == null);
            return row.getString(1) + " rev " + row.getInt(3);
        }
    }

    @Test
    void modelsDeployedFromTheFolderRunOnPostgres() {
        PostgresTestDatabase database = freshDatabase();
        try (ConfigurableApplicationContext app = start(database, Map.of())) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            BpmnAwareTests.init(engine);
            // the DMN engine parses each FEEL expression once and keeps one function table (platform.workflow.PreparedFeel)
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getDmnEngineConfiguration().getFeelEngine().getClass().getSimpleName())
                    .isEqualTo("PreparedFeelEngine");

            ProcessInstance review = engine.getRuntimeService()
                    .startProcessInstanceByKey("fixture-review", Map.of("amount", 500));

            BpmnAwareTests.assertThat(review).isWaitingAt("review");
            BpmnAwareTests.assertThat(BpmnAwareTests.task(review)).hasCandidateGroup("manager");
            BpmnAwareTests.complete(BpmnAwareTests.task(review));
            BpmnAwareTests.assertThat(review).isEnded();
        }
    }

    @Test
    void prodRefusesToStartWithDemoUsersSwitchedOn() {
        PostgresTestDatabase database = freshDatabase();

        assertThatThrownBy(() -> start(database, Map.of("kis.demo.enabled", "true")).close())
                .hasStackTraceContaining("kis.demo.enabled=true is not allowed with the prod profile");
    }

    @Test
    void prodRefusesToStartWithoutKeycloakOrWithoutTheSecondFactorRule() {
        PostgresTestDatabase database = freshDatabase();

        assertThatThrownBy(() -> start(database, Map.of("kis.security.identity", "CAMUNDA")).close())
                .hasStackTraceContaining("kis.security.identity=CAMUNDA is not allowed with the prod profile");
        assertThatThrownBy(() -> start(database, Map.of("kis.security.mfa.enforced", "false")).close())
                .hasStackTraceContaining("kis.security.mfa.enforced=false is not allowed with the prod profile");
    }

    @Test
    void prodRefusesToStartWithThePublicDemoEncryptionKey() {
        PostgresTestDatabase database = freshDatabase();

        assertThatThrownBy(() -> start(database, Map.of("kis.encryption.keys.primary",
                "a2lzLWRlbW8tb25seS1jb2x1bW4ta2V5LTAwMDAwMDE=")).close())
                .hasStackTraceContaining("kis.encryption.keys.primary is the public demo key");
    }

    @Test
    void prodRefusesToStartWhileADemoAccountKeepsItsPublicPassword() {
        PostgresTestDatabase database = freshDatabase();
        try (ConfigurableApplicationContext app = start(database, Map.of())) {
            IdentityService identity = app.getBean(IdentityService.class);
            User leftover = identity.newUser("sales1");
            leftover.setPassword("sales1");
            identity.saveUser(leftover);
        }

        assertThatThrownBy(() -> start(database, Map.of()).close())
                .hasStackTraceContaining("demo accounts [sales1]");
    }

    private PostgresTestDatabase freshDatabase() {
        PostgresTestDatabase database = PostgresTestDatabase.createFresh("kis_it_startup");
        databases.add(database);
        return database;
    }

    private static ConfigurableApplicationContext start(PostgresTestDatabase database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("kis.processes.directory", "src/test/resources/processes-fixture");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        // Camunda's webapp filters keep the application context in a static field that a failed start never
        // clears; the refused starts below would poison every later start in this JVM. Webapps are covered
        // by EmbeddedDefaultTest.
        properties.put("camunda.bpm.webapp.enabled", "false");
        properties.putAll(extra);
        // As command-line arguments: they outrank application-prod.yaml, as a real deployment's settings do.
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(KisEstimatorApplication.class).profiles("prod").run(args);
    }

    private static void assertHealthyWithDatabaseAndRedis(ConfigurableApplicationContext app) {
        var health = (CompositeHealth) app.getBean(HealthEndpoint.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getComponents().get("db").getStatus()).isEqualTo(Status.UP);
        assertThat(health.getComponents().get("redis").getStatus()).isEqualTo(Status.UP);
    }

    /** What a start may change: schemas, Flyway's history, Camunda's tables, our index on them and deployments. */
    record DatabaseState(List<String> schemas, Map<String, String> migrations, int camundaTables,
            int camundaTablesInPublic, List<String> indexesOfOurs, List<String> deploymentIds,
            List<String> deployedResources) {

        static DatabaseState read(PostgresTestDatabase database, ConfigurableApplicationContext app)
                throws SQLException {
            RepositoryService repository = app.getBean(RepositoryService.class);
            List<String> deploymentIds = repository.createDeploymentQuery().orderByDeploymentId().asc().list()
                    .stream().map(d -> d.getId()).toList();
            List<String> resources = deploymentIds.stream()
                    .flatMap(id -> repository.getDeploymentResourceNames(id).stream()).sorted().toList();
            try (Connection connection = database.connect()) {
                return new DatabaseState(
                        strings(connection, "SELECT schema_name FROM information_schema.schemata ORDER BY 1"),
                        migrations(connection),
                        count(connection, "SELECT count(*) FROM information_schema.tables "
                                + "WHERE table_schema = 'camunda' AND table_name LIKE 'act_%'"),
                        count(connection, "SELECT count(*) FROM information_schema.tables "
                                + "WHERE table_schema = 'public' AND table_name LIKE 'act_%'"),
                        strings(connection, "SELECT indexdef FROM pg_indexes "
                                + "WHERE schemaname = 'camunda' AND indexname LIKE 'kis_%' ORDER BY 1"),
                        deploymentIds, resources);
            }
        }

        private static Map<String, String> migrations(Connection connection) throws SQLException {
            Map<String, String> rows = new HashMap<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT version, checksum, success FROM shared.flyway_schema_history WHERE version IS NOT NULL")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2) + "/" + rs.getBoolean(3));
                }
            }
            return rows;
        }

        private static List<String> strings(Connection connection, String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }

        private static int count(Connection connection, String sql) throws SQLException {
            try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
