package com.kis.estimator;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON requests for API tests: bodies are JSON text, answers are trees, problems included. */
public record JsonHttp(TestRestTemplate http) {

    /** Requests as one of the test realm's users, with its Keycloak access token. */
    public static JsonHttp as(TestRestTemplate http, String user) {
        return new JsonHttp(signedIn(http, user));
    }

    /** A template that sends a test user's bearer token (see {@link TestTokens}). */
    public static TestRestTemplate signedIn(TestRestTemplate http, String user) {
        return withToken(http, TestTokens.of(user));
    }

    public static TestRestTemplate withToken(TestRestTemplate http, String token) {
        int port = java.net.URI.create(http.getRootUri()).getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .additionalInterceptors(new OpenApiContract(() -> port)));
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return http.exchange(path, HttpMethod.DELETE, null, JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String json) {
        return send(HttpMethod.POST, path, json, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> put(String path, String json) {
        return send(HttpMethod.PUT, path, json, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String json, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
