package com.kis.estimator.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.TestTokens;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;
import com.kis.estimator.security.Role;

/**
 * Every {@code /api} endpoint against every role, compared with the policy table: a role without the endpoint's
 * permission gets 403, a role with it gets past the check. Requests carry a malformed body and ids that do not
 * exist, so an allowed request stops at 400 or 404 and nothing changes.
 */
@PostgresIntegrationTest
class PermissionMatrixTest {

    /** One test user per role, as in keycloak/kis-realm.json. */
    private static final Map<Role, String> USERS = Map.of(Role.SALES, "sales1", Role.APPROVER, "approver1",
            Role.MANAGER, "manager1", Role.DIRECTOR, "director1", Role.OPS, "ops1", Role.ANALYST, "analyst1",
            Role.ADMIN, "admin");

    @Autowired TestRestTemplate rest;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicyTableSays() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                ResponseEntity<String> answer = call(endpoint, USERS.get(role));
                boolean allowed = endpoint.permission() == null || role.grants(endpoint.permission());
                boolean refused = answer.getStatusCode() == HttpStatus.FORBIDDEN;
                if (allowed == refused || answer.getStatusCode() == HttpStatus.UNAUTHORIZED
                        || answer.getStatusCode().is5xxServerError()) {
                    mismatches.add(endpoint + " as " + role.id() + ": " + answer.getStatusCode() + " " + answer.getBody());
                }
                checked++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isGreaterThan(30 * Role.values().length);
    }

    @Test
    void everyApiEndpointDeclaresItsPermission() {
        assertThat(mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> path(entry.getKey()).startsWith("/api/"))
                .filter(entry -> !path(entry.getKey()).equals("/api/v1/health"))
                .filter(entry -> PermissionCheck.declaration(entry.getValue()) == null)
                .map(entry -> entry.getValue().getShortLogMessage()))
                .isEmpty();
    }

    @Test
    void docsListEveryEndpointWithItsPermission() throws java.io.IOException {
        String table = "| endpoint | permission |\n|---|---|\n" + endpoints().stream().distinct()
                .sorted(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()))
                .map(e -> "| `" + e.method() + " " + e.pattern() + "` | "
                        + (e.permission() == null ? "any signed-in caller" : "`" + e.permission().code() + "`") + " |")
                .collect(java.util.stream.Collectors.joining("\n")) + "\n";

        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("docs/security.md")))
                .as("docs/security.md must list the endpoints as:%n%s", table).contains(table);
    }

    private ResponseEntity<String> call(Endpoint endpoint, String user) {
        if (endpoint.streams()) {
            return stream(endpoint, user);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.of(user));
        headers.setAccept(List.of(MediaType.ALL));
        Object body = null;
        if (endpoint.multipartOnly()) {
            // an upload without its file part: past the permission check it stops at 400
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            body = new org.springframework.util.LinkedMultiValueMap<>(Map.of("note", List.of("no file")));
        } else if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = "{";
        }
        return rest.exchange(endpoint.path(), endpoint.method(), new HttpEntity<>(body, headers), String.class);
    }

    /** A stream's status and, when refused, its problem; the stream itself is closed unread. */
    private ResponseEntity<String> stream(Endpoint endpoint, String user) {
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(rest.getRootUri() + endpoint.path()))
                    .header("Authorization", "Bearer " + TestTokens.of(user)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            try (var body = answer.body()) {
                String text = answer.statusCode() == 200 ? "(stream)"
                        : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return ResponseEntity.status(answer.statusCode()).body(text);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(endpoint.toString(), e);
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String pattern = path(info);
            if (!pattern.startsWith("/api/") || pattern.equals("/api/v1/health")) {
                return;
            }
            Object declared = PermissionCheck.declaration(handler);
            Permission permission = declared instanceof RequiresPermission required ? required.value() : null;
            String path = pattern.replaceAll("\\{revision}", "1").replaceAll("\\{[^}]+}", "987654321");
            var consumes = info.getConsumesCondition().getConsumableMediaTypes();
            boolean multipartOnly = consumes.size() == 1 && consumes.contains(MediaType.MULTIPART_FORM_DATA)
                    && !hasJsonTwin(pattern, info);
            boolean streams = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
            info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(new Endpoint(
                    HttpMethod.valueOf(method.name()), pattern, path, permission, multipartOnly, streams)));
        });
        return endpoints;
    }

    /** Whether another mapping of the same path and method takes JSON (then JSON reaches the permission check). */
    private boolean hasJsonTwin(String pattern, RequestMappingInfo multipart) {
        return mappings.getHandlerMethods().keySet().stream()
                .filter(other -> other != multipart && path(other).equals(pattern))
                .filter(other -> other.getMethodsCondition().getMethods().equals(multipart.getMethodsCondition().getMethods()))
                .anyMatch(other -> other.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.APPLICATION_JSON));
    }

    /** The mapped path with its variables as {name}, without the pattern a variable may carry ({id:[0-9]+}). */
    private static String path(RequestMappingInfo info) {
        String mapped = info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues().iterator().next()
                : info.getPatternValues().iterator().next();
        return mapped.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
    }

    /** @param streams server-sent events: the answer's status and headers are read, then the stream is closed */
    record Endpoint(HttpMethod method, String pattern, String path, Permission permission, boolean multipartOnly,
            boolean streams) {
        @Override
        public String toString() {
            return method + " " + path + " (" + (permission == null ? "no permission" : permission.code()) + ")";
        }
    }

}
