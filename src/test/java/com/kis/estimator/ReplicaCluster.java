package com.kis.estimator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.FileSystemUtils;

/**
 * Two replicas as production runs them, on this machine: two application JVMs (prod profile, Keycloak tokens, the
 * job executor on both) on one fresh PostgreSQL database and one redis-server of the test's own, sharing one data
 * folder, behind Debian's nginx with {@code deploy/nginx.conf} ({@link NginxFront}). The ERP and OCR inboxes poll
 * on the first replica only, as docs/erp-import.md asks of a shared folder. A replica can be killed and started
 * again on its port; the first one starts alone so that only one creates Camunda's tables. The browsers' Keycloak
 * clients are the test realm's.
 */
public final class ReplicaCluster implements AutoCloseable {

    /** Camunda's webapps: off unless {@code extra} turns them on. */
    public static final String WEBAPPS = "camunda.bpm.webapp.enabled";

    private final PostgresTestDatabase database;
    private final Process redis;
    private final int redisPort;
    private final Path data;
    private final List<Integer> ports = List.of(ApplicationProcess.freePort(), ApplicationProcess.freePort());
    private final List<ApplicationProcess> replicas = new ArrayList<>();
    private final Map<String, String> extra;
    private NginxFront front;
    private int starts;

    /** {@code extra}: more properties for both replicas, e.g. higher rate limits for a load. */
    public ReplicaCluster(String databaseName, Map<String, String> extra) throws IOException {
        this.extra = extra;
        data = Files.createTempDirectory("kis-cluster-");
        redisPort = ApplicationProcess.freePort();
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(data.resolve("redis.log").toFile()).start();
        database = PostgresTestDatabase.createFresh(databaseName);
    }

    /** Both replicas, one after the other, then nginx in front of them. */
    public ReplicaCluster start() throws IOException, InterruptedException {
        replicas.add(launch(0).awaitUp());
        replicas.add(launch(1).awaitUp());
        front = NginxFront.start(ports);
        return this;
    }

    /** The first replica only, without nginx (a soak of one instance). */
    public ReplicaCluster startAlone() throws InterruptedException {
        replicas.add(launch(0).awaitUp());
        return this;
    }

    private ApplicationProcess launch(int replica) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=prod",
                "--kis.data-dir=" + data,
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + KeycloakTestServer.get().issuer(),
                "--kis.processes.directory=processes",
                "--kis.security.webapp.client-secret=kis-camunda-test-secret",
                "--kis.security.web-ui.client-secret=kis-web-test-secret",
                "--kis.erp.inbox.enabled=" + (replica == 0), "--kis.ocr.inbox.enabled=" + (replica == 0)));
        if (!extra.containsKey(WEBAPPS)) {
            // Tasklist and Cockpit start only for a drill that opens them: the others start faster without
            arguments.add("--" + WEBAPPS + "=false");
        }
        database.springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        extra.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return ApplicationProcess.fromClasspath(ports.get(replica),
                data.resolve("replica" + (replica + 1) + "-" + ++starts + ".log"), arguments);
    }

    public ApplicationProcess replica(int index) {
        return replicas.get(index);
    }

    /** Where the users' requests go: nginx, or the only replica. */
    public String base() {
        return front == null ? replicas.get(0).base() : front.base();
    }

    /** Which replica nginx sends a browser's request for {@code path} to now: 0, 1, or -1 for none. */
    public int serving(String path) throws IOException, InterruptedException {
        return ports.indexOf(front.answeredBy(path));
    }

    /**
     * Waits until nginx sends requests to this replica again in both of its upstreams (the webapps' and the
     * API's): after refused connections it tries a replica again only {@code fail_timeout} later and counts it
     * alive once a request there succeeded. Until then losing the other replica leaves nginx none.
     */
    public void awaitTakenBack(int replica) {
        for (String path : List.of("/camunda/app/tasklist/", "/actuator/health/liveness")) {
            Await.until("nginx sending " + path + " to replica " + (replica + 1) + " again", () -> {
                try {
                    return front.answeredBy(path) == ports.get(replica) ? true : null;
                } catch (IOException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** The replicas' own loopback ports (nginx's is {@link #base()}). */
    public List<Integer> ports() {
        return ports;
    }

    /** The data folder both replicas share (the ERP and OCR inboxes are under it). */
    public Path data() {
        return data;
    }

    public NginxFront front() {
        return front;
    }

    public PostgresTestDatabase database() {
        return database;
    }

    /** SIGKILL: nothing in that JVM runs any more; waits until it is gone. */
    public void kill(int index) throws InterruptedException {
        replicas.get(index).process().destroyForcibly().waitFor();
    }

    /** The replica started again on its port; answers once it is ready. */
    public ApplicationProcess restart(int index) throws InterruptedException {
        replicas.set(index, launch(index).awaitUp());
        return replicas.get(index);
    }

    @Override
    public void close() throws InterruptedException {
        if (front != null) {
            front.close();
        }
        for (ApplicationProcess replica : replicas) {
            replica.stop();
        }
        redis.destroy();
        database.drop();
        FileSystemUtils.deleteRecursively(data.toFile());
    }
}
