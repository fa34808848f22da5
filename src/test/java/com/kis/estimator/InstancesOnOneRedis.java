package com.kis.estimator;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Replicas as production runs them: application instances (prod profile, Keycloak tokens) on one fresh PostgreSQL
 * database and one Redis, a redis-server of the test's own so that the test can take it away.
 */
public final class InstancesOnOneRedis implements AutoCloseable {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final PostgresTestDatabase database;
    private final String databaseName;
    private final int redisPort;
    private Process redis;

    public InstancesOnOneRedis(String databaseName) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        this.databaseName = databaseName;
        startRedis();
        database = PostgresTestDatabase.createFresh(databaseName);
    }

    /** A new, empty redis-server on the same port: Redis back after an outage, as a restart brings it. */
    public void startRedis() throws IOException {
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("kis-redis-" + databaseName, ".log").toFile()).start();
    }

    public int redisPort() {
        return redisPort;
    }

    /** Starts one more instance with these properties beside the shared ones; answers its base URL. */
    public String start(Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("spring.data.redis.port", Integer.toString(redisPort));
        properties.put("kis.redis.timeout", "500ms");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakTestServer.get().issuer());
        properties.put("kis.processes.directory", "src/test/resources/processes-fixture");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("camunda.bpm.webapp.enabled", "false");
        properties.putAll(extra);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KisEstimatorApplication.class)
                .profiles("prod").run(args);
        instances.add(app);
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** Takes Redis away from every instance, as a crash would. */
    public void stopRedis() throws InterruptedException {
        redis.destroy();
        redis.waitFor();
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
        redis.destroy();
        database.drop();
    }
}
