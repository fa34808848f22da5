package com.kis.estimator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the prod profile against the real PostgreSQL, Redis and Keycloak (see
 * {@link KeycloakTestServer}; callers sign in with {@link TestTokens}), on a random port. Each test
 * JVM migrates a database of its own ({@code kis_test_<n>}) from empty and drops it when it exits; test classes
 * with this annotation and no other context changes share one application context, so tests use codes of
 * their own and count rows before and after rather than expecting an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@AutoConfigureObservability
@ContextConfiguration(initializers = PostgresIntegrationTest.SharedDatabase.class)
public @interface PostgresIntegrationTest {

    class SharedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static PostgresTestDatabase database;
        private static com.kis.estimator.erp.simulator.ErpSimulator erpSimulator;
        static final String ERP_TOKEN = "kis-test-erp-token";

        /** The ERP stand-in the shared context's pull talks to. */
        public static synchronized com.kis.estimator.erp.simulator.ErpSimulator erpSimulator() {
            if (erpSimulator == null) {
                erpSimulator = com.kis.estimator.erp.simulator.ErpSimulator.start(0, ERP_TOKEN);
            }
            return erpSimulator;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kis-test-database",
                    properties(database())));
        }

        /** The test settings on a given database; a context with a database of its own starts from these. */
        public static Map<String, Object> properties(PostgresTestDatabase database) {
            Map<String, Object> properties = new HashMap<>(database.springProperties());
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakTestServer.get().issuer());
            properties.put("kis.security.webapp.client-secret", "kis-camunda-test-secret");
            properties.put("kis.security.web-ui.client-secret", "kis-web-test-secret");
            // Expired-token tests wait for the expiry plus this skew.
            properties.put("kis.security.token-clock-skew", "1s");
            // The tests send hundreds of requests per user; RateLimitTest checks the limits with instances of its own.
            properties.put("kis.rate-limits.enabled", "false");
            // ERP imports: a work directory per test JVM, a small size limit to test it, quick lock retries, and a
            // short lease so that a lock left in the shared Redis by a killed test run frees itself soon.
            properties.put("kis.erp.work-dir", workDir());
            properties.put("kis.erp.max-file-size", "1MB");
            properties.put("kis.erp.lock-retry", "PT1S");
            properties.put("kis.erp.lock-lease", "2m");
            properties.put("kis.erp.inbox.poll-delay", "500");
            // The ERP pull asks the simulator, in pages of two rows, and retries quickly.
            properties.put("kis.erp.pull.base-url", erpSimulator().baseUrl());
            properties.put("kis.erp.pull.token", ERP_TOKEN);
            properties.put("kis.erp.pull.page-size", "2");
            properties.put("kis.erp.pull.max-redeliveries", "2");
            properties.put("kis.erp.pull.redelivery-delay", "100");
            properties.put("kis.erp.outbound.url", erpSimulator().baseUrl() + "/estimates");
            properties.put("kis.erp.outbound.poll-period", "300");
            properties.put("kis.erp.outbound.max-redeliveries", "1");
            properties.put("kis.erp.outbound.redelivery-delay", "50");
            properties.put("kis.erp.outbound.retry-after", "1s");
            // OCR: an inbox per test JVM polled often, and limits small enough to test with small files.
            properties.put("kis.ocr.inbox.directory", tempDir("kis-ocr-inbox"));
            properties.put("kis.ocr.inbox.poll-delay", "300");
            properties.put("kis.ocr.max-file-size", "900KB");
            properties.put("kis.ocr.max-pages", "3");
            return properties;
        }

        private static String workDir() {
            return tempDir("kis-erp-test");
        }

        private static String tempDir(String prefix) {
            try {
                return java.nio.file.Files.createTempDirectory(prefix).toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static synchronized PostgresTestDatabase database() {
            if (database == null) {
                database = PostgresTestDatabase.createFresh("kis_test");
                // Dropped WITH (FORCE): the cached application context may still hold connections at exit.
                Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
            }
            return database;
        }
    }
}
