package com.kis.estimator.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.OpenApiContract;
import com.kis.estimator.PostgresIntegrationTest;

/**
 * The OpenAPI document lists, for every operation, the answers the platform gives any operation of its shape,
 * each error as application/problem+json with an example; nothing is {@code *}/{@code *}; every operation is
 * tagged with its module. What a single operation answers beyond that is held to the document by
 * {@link OpenApiContract} on every exchange of the API tests.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private static final Set<String> MODULES = Set.of("estimate", "approval", "catalog", "erp", "ocr", "ai", "audit",
            "administration", "security", "platform");

    @LocalServerPort int port;
    JsonNode document;

    @BeforeAll
    void read() throws Exception {
        document = new ObjectMapper().readTree(OpenApiContract.document(port));
    }

    @Test
    void everyOperationListsTheErrorsItsShapeCanAnswer() {
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                JsonNode responses = operation.path("responses");
                boolean open = path.getKey().equals("/api/v1/health");
                List<String> expected = new ArrayList<>(List.of("429", "503"));
                if (!open) {
                    expected.add("401");
                }
                if (operation.path("description").asText().contains("Needs the permission `")) {
                    expected.add("403");
                }
                if (operation.has("requestBody") || operation.path("parameters").size() > 0) {
                    expected.add("400");
                }
                if (path.getKey().contains("{")) {
                    expected.add("404");
                }
                if (operation.has("requestBody")) {
                    expected.addAll(List.of("413", "415"));
                }
                for (String status : expected) {
                    if (!responses.has(status)) {
                        missing.add(name + " lacks " + status);
                    }
                }
                responses.fields().forEachRemaining(response -> {
                    String status = response.getKey();
                    JsonNode content = response.getValue().path("content");
                    if ((status.startsWith("4") || status.startsWith("5")) && !open) {
                        JsonNode problem = content.path("application/problem+json");
                        if (problem.isMissingNode()) {
                            missing.add(name + " " + status + " is no application/problem+json");
                        } else if (problem.path("examples").isEmpty()) {
                            missing.add(name + " " + status + " has no example");
                        }
                    }
                    if (status.startsWith("2") && !status.equals("204") && !status.equals("202") && content.isEmpty()) {
                        missing.add(name + " " + status + " has no content");
                    }
                });
                if (responses.fieldNames().hasNext() && !hasSuccess(responses)) {
                    missing.add(name + " has no 2xx answer");
                }
                if (operation.path("tags").size() != 1 || !MODULES.contains(operation.path("tags").get(0).asText())) {
                    missing.add(name + " is not tagged with one module: " + operation.path("tags"));
                }
            }
        }
        assertThat(operations).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void noMediaTypeIsAWildcard() {
        assertThat(document.toString()).doesNotContain("\"*/*\"");
        assertThat(document.at("/components/schemas/Problem/required").toString()).contains("type", "status");
    }

    private static boolean hasSuccess(JsonNode responses) {
        for (Iterator<String> statuses = responses.fieldNames(); statuses.hasNext();) {
            if (statuses.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }
}
