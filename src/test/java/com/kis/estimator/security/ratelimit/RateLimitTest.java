package com.kis.estimator.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.kis.estimator.InstancesOnOneRedis;
import com.kis.estimator.TestTokens;

/**
 * The design's gateway limits across instances: two application instances on one PostgreSQL database and one
 * Redis (a redis-server of this test's own, so that it can be stopped) with a limit of 5 requests per window.
 * The count is shared, the sixth request is refused with 429 wherever it lands, and when Redis goes away the
 * API keeps answering (the documented fail-open policy), never 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    private static final int LIMIT = 5;
    private static final int PREVIEW_LIMIT = 7;
    private static final int READ_LIMIT = 6;

    private final HttpClient http = HttpClient.newHttpClient();
    private InstancesOnOneRedis replicas;
    private String first;
    private String second;

    @BeforeAll
    void startTwoInstancesOnOneRedis() throws IOException {
        replicas = new InstancesOnOneRedis("kis_it_rate");
        Map<String, String> limits = Map.of("kis.rate-limits.rules.estimates.limit", Integer.toString(LIMIT),
                "kis.rate-limits.rules.auth.limit", Integer.toString(LIMIT),
                "kis.rate-limits.rules.estimate-preview.limit", Integer.toString(PREVIEW_LIMIT),
                "kis.rate-limits.rules.estimate-reads.limit", Integer.toString(READ_LIMIT));
        first = replicas.start(limits);
        second = replicas.start(limits);
    }

    @AfterAll
    void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    @Order(1)
    void theLimitIsSharedByAllInstancesAndAnsweredWith429() throws Exception {
        String token = TestTokens.of("sales2");
        for (int request = 1; request <= READ_LIMIT; request++) {
            HttpResponse<String> allowed = get(request % 2 == 0 ? first : second, "/api/v1/estimates", token);
            assertThat(allowed.statusCode()).as("request %d", request).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(READ_LIMIT));
            assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(READ_LIMIT - request));
        }

        for (String instance : List.of(first, second)) {
            HttpResponse<String> refused = get(instance, "/api/v1/estimates", token);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("/problems/rate-limited");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
            assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        }
        assertThat(get(first, "/api/v1/products", token).statusCode()).as("another rule's path").isEqualTo(200);
        // changes to estimates keep the design's own budget, which reading does not spend
        for (int change = 1; change <= LIMIT; change++) {
            HttpResponse<String> counted = post(change % 2 == 0 ? first : second, "/api/v1/estimates", token, "{}");
            assertThat(counted.statusCode()).as(counted.body()).isEqualTo(400);
            assertThat(counted.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(LIMIT));
            assertThat(counted.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(LIMIT - change));
        }
        assertThat(post(first, "/api/v1/estimates", token, "{}").statusCode()).isEqualTo(429);
        // the most specific rule counts: the live price preview is not spent by the estimate list, nor spends it
        HttpResponse<String> preview = post(second, "/api/v1/estimates/preview", token,
                "{\"customerCode\":\"C-NONE\",\"items\":[{\"productCode\":\"P-NONE\",\"quantity\":1}]}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(422);
        assertThat(preview.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(PREVIEW_LIMIT));
        assertThat(preview.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(PREVIEW_LIMIT - 1));
        assertThat(get(first, "/api/v1/estimates", TestTokens.of("ops1")).statusCode()).as("another user").isEqualTo(200);
    }

    @Test
    @Order(2)
    void anAdministratorChangesALimitWithoutARestart() throws Exception {
        HttpClient client = http;
        HttpResponse<String> changed = client.send(HttpRequest.newBuilder(URI.create(first + "/api/v1/admin/settings/"
                + "rate-limits.auth.limit")).header("Authorization", "Bearer " + TestTokens.of("admin"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":2}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String token = TestTokens.of("director1");

        assertThat(get(first, "/api/v1/auth/me", token).headers().firstValue("RateLimit-Limit")).hasValue("2");
        assertThat(get(first, "/api/v1/auth/me", token).statusCode()).isEqualTo(200);
        assertThat(get(first, "/api/v1/auth/me", token).statusCode()).isEqualTo(429);
    }

    @Test
    @Order(3) // stops Redis
    void withRedisGoneTheApiKeepsAnsweringUnlimited() throws Exception {
        String token = TestTokens.of("ops1");
        assertThat(get(first, "/api/v1/auth/me", token).statusCode()).isEqualTo(200);

        replicas.stopRedis();

        for (int request = 0; request < LIMIT + 2; request++) {
            HttpResponse<String> answer = get(second, "/api/v1/auth/me", token);
            assertThat(answer.statusCode()).as("request %d without Redis", request).isEqualTo(200);
            assertThat(answer.headers().firstValue("RateLimit-Limit")).isEmpty();
        }
    }

    private HttpResponse<String> get(String base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
