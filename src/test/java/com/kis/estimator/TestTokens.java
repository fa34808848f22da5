package com.kis.estimator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the test Keycloak by password grant through the {@code kis-api} client, with a TOTP code
 * for the users whose role requires one. The OTP seeds are the realm file's test-only ones. Tokens are reused
 * while they are valid: Keycloak refuses an OTP code used twice within its 30-second window.
 */
public final class TestTokens {

    public static final String API_CLIENT = "kis-api";
    public static final String API_CLIENT_SECRET = "kis-api-test-secret";

    /** Test-only OTP seeds of keycloak/kis-realm.json (HMAC key = the UTF-8 bytes of the value). */
    public static final Map<String, String> OTP_SEEDS = Map.of(
            "approver1", "kis-test-otp-approver1",
            "manager1", "kis-test-otp-manager1",
            "director1", "kis-test-otp-director1",
            "analyst1", "kis-test-otp-analyst1",
            "admin", "kis-test-otp-admin");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_OTP_WINDOW = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** A valid access token for a test user (password = user name), with its OTP where the role needs one. */
    public static String of(String user) {
        return of(user, Duration.ofSeconds(20));
    }

    /**
     * A token that stays valid for at least {@code validFor}: a benchmark signs in before a timed phase, so that no
     * sign-in (and no wait for the next OTP window) falls inside it.
     */
    public static String of(String user, Duration validFor) {
        Cached cached = CACHE.get(user);
        if (cached != null && cached.validUntil().isAfter(Instant.now().plus(validFor))) {
            return cached.token();
        }
        synchronized (TestTokens.class) {
            // Threads that waited here while another signed in use its token: a sign-in each would wait for an OTP
            // window each, and eight load workers stalled for minutes.
            cached = CACHE.get(user);
            if (cached != null && cached.validUntil().isAfter(Instant.now().plus(validFor))) {
                return cached.token();
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", user);
            form.put("password", user);
            String seed = OTP_SEEDS.get(user);
            if (seed != null) {
                form.put("totp", freshTotp(user, seed));
            }
            JsonNode answer = grant(form).body();
            if (!answer.has("access_token")) {
                throw new IllegalStateException("No token for " + user + ": " + answer);
            }
            String token = answer.path("access_token").asText();
            CACHE.put(user, new Cached(token, Instant.now().plusSeconds(answer.path("expires_in").asLong())));
            return token;
        }
    }

    /** A test-only client's service-account token (client credentials grant). */
    public static String ofClient(String clientId) {
        JsonNode answer = grant(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", KeycloakTestServer.TEST_CLIENT_SECRET)).body();
        if (!answer.has("access_token")) {
            throw new IllegalStateException("No token for client " + clientId + ": " + answer);
        }
        return answer.path("access_token").asText();
    }

    /** A password grant as sent, for tests of refused logins: the status and Keycloak's JSON answer. */
    public static HttpResponse<JsonNode> grant(Map<String, String> fields) {
        return grant(KeycloakTestServer.REALM, fields);
    }

    public static HttpResponse<JsonNode> grant(String realm, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("grant_type", "password");
        form.putIfAbsent("client_id", API_CLIENT);
        if (form.get("client_id").equals(API_CLIENT)) {
            form.putIfAbsent("client_secret", API_CLIENT_SECRET);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakTestServer.get().tokenEndpoint(realm)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, info -> HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofByteArray(), TestTokens::parse));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A TOTP code not yet used by these tests: waits for the next 30-second window when this one is spent. */
    public static synchronized String freshTotp(String user, String seed) {
        long window = Instant.now().getEpochSecond() / 30;
        Long last = LAST_OTP_WINDOW.get(user);
        if (last != null && last >= window) {
            long waitMillis = (window + 1) * 30_000 - System.currentTimeMillis() + 200;
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            window = Instant.now().getEpochSecond() / 30;
        }
        LAST_OTP_WINDOW.put(user, window);
        return totp(seed, window);
    }

    /** RFC 6238 TOTP: HMAC-SHA1 over the 30-second counter, 6 digits. */
    public static String totp(String seed, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(window).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private record Cached(String token, Instant validUntil) {
    }
}
