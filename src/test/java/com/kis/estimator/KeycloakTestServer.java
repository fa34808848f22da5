package com.kis.estimator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak for the integration tests: the {@code keycloak-quarkus-dist} that Maven unpacks under
 * {@code target/keycloak}, started once per test JVM in dev mode on 127.0.0.1 with an in-memory database and
 * {@code keycloak/kis-realm.json} imported, stopped when the JVM exits. {@code KIS_TEST_KEYCLOAK_URL} points the
 * tests at a server that is already running (with the same realm) instead.
 */
public final class KeycloakTestServer {

    public static final String REALM = "kis";
    public static final String NO_MFA_CLIENT = "kis-test-no-mfa";
    public static final String SHORT_LIVED_CLIENT = "kis-test-short-lived";
    public static final String OTHER_AUDIENCE_CLIENT = "kis-test-other-audience";
    public static final String TEST_CLIENT_SECRET = "kis-test-client-secret";
    /** The master realm's bootstrap administrator of the test server (its tokens have another issuer). */
    public static final String MASTER_ADMIN = "kis-test-master";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakTestServer instance;

    private final String baseUrl;

    private KeycloakTestServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static synchronized KeycloakTestServer get() {
        if (instance == null) {
            String external = System.getenv("KIS_TEST_KEYCLOAK_URL");
            instance = new KeycloakTestServer(external != null ? external : start());
        }
        return instance;
    }

    /** The realm's issuer, as tokens name it (the host is 127.0.0.1, which the app must use too). */
    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return tokenEndpoint(REALM);
    }

    public String tokenEndpoint(String realm) {
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private static String start() {
        Path home = Path.of(System.getProperty("kis.test.keycloak.home", "target/keycloak/keycloak-26.5.5"));
        Path realm = Path.of(System.getProperty("kis.test.keycloak.realm", "keycloak/kis-realm.json"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath()
                    + ": run the tests through Maven (it unpacks keycloak-quarkus-dist), or set KIS_TEST_KEYCLOAK_URL");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve("kis-realm.json"), withTestClients(Files.readString(realm)));
            int port = freePort();
            Path log = home.resolve("kis-test-keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--db=dev-mem"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", MASTER_ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", MASTER_ADMIN);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            String baseUrl = "http://127.0.0.1:" + port;
            awaitRealm(process, baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration", log);
            return baseUrl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The realm file plus clients only tests may have, each to prove the API refuses a kind of token that a real
     * Keycloak issues: {@value #NO_MFA_CLIENT} (a service account with the approver and analyst roles: approving and
     * deploying rights without a second factor), {@value #SHORT_LIVED_CLIENT} (sales1's tokens live 2 seconds: expired tokens) and
     * {@value #OTHER_AUDIENCE_CLIENT} (no {@code kis-api} audience). The committed realm file never has them.
     */
    static String withTestClients(String realmJson) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(realmJson);
            JsonNode api = null;
            for (JsonNode client : realm.get("clients")) {
                if (client.path("clientId").asText().equals("kis-api")) {
                    api = client;
                }
            }
            ArrayNode apiMappers = (ArrayNode) api.get("protocolMappers");
            ArrayNode withoutAudience = JSON.createArrayNode();
            apiMappers.forEach(mapper -> {
                if (!mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    withoutAudience.add(mapper);
                }
            });
            // The test servers run on 127.0.0.1 with random ports: let the browsers' clients return there.
            for (JsonNode client : realm.get("clients")) {
                if (Set.of("kis-camunda", "kis-web").contains(client.path("clientId").asText())) {
                    ((ArrayNode) client.get("redirectUris")).add("http://127.0.0.1*");
                }
            }
            ObjectNode noMfa = testClient(realm, NO_MFA_CLIENT, apiMappers, api.get("defaultClientScopes"));
            noMfa.put("serviceAccountsEnabled", true);
            serviceAccount(realm, NO_MFA_CLIENT, "approver", "analyst");
            ObjectNode shortLived = testClient(realm, SHORT_LIVED_CLIENT, apiMappers, api.get("defaultClientScopes"));
            shortLived.put("directAccessGrantsEnabled", true);
            shortLived.putObject("attributes").put("access.token.lifespan", "2");
            ObjectNode otherAudience = testClient(realm, OTHER_AUDIENCE_CLIENT, withoutAudience, api.get("defaultClientScopes"));
            otherAudience.put("serviceAccountsEnabled", true);
            serviceAccount(realm, OTHER_AUDIENCE_CLIENT, "sales");
            return JSON.writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode testClient(ObjectNode realm, String id, JsonNode mappers, JsonNode scopes) {
        ObjectNode client = ((ArrayNode) realm.get("clients")).addObject();
        client.put("clientId", id).put("enabled", true).put("publicClient", false).put("secret", TEST_CLIENT_SECRET)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false)
                .put("serviceAccountsEnabled", false);
        client.set("protocolMappers", mappers.deepCopy());
        client.set("defaultClientScopes", scopes.deepCopy());
        return client;
    }

    private static void serviceAccount(ObjectNode realm, String clientId, String... roles) {
        ObjectNode account = ((ArrayNode) realm.get("users")).addObject();
        account.put("username", "service-account-" + clientId).put("enabled", true).put("serviceAccountClientId", clientId);
        ArrayNode realmRoles = account.putArray("realmRoles");
        for (String role : roles) {
            realmRoles.add(role);
        }
    }

    private static void awaitRealm(Process process, String url, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // A fresh unpack builds its Quarkus application first (35–50 s here); later starts take about 25 s.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak did not serve the realm within 4 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
