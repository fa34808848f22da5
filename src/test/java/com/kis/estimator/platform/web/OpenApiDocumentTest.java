package com.kis.estimator.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kis.estimator.ApiOperation;
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

    /**
     * The web UI's TypeScript types are generated at build time from a snapshot of this document's types
     * (src/main/webapp/openapi.json), because the UI is built before the application can serve the document. When
     * the API's types change, the snapshot must change with them, and the UI is then type-checked against them.
     * Words (descriptions, summaries, examples) are left out: they change no type.
     */
    @Test
    void theWebUisSnapshotHasTheDocumentsTypes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode types = json.createObjectNode();
        types.set("openapi", document.path("openapi"));
        types.set("paths", withoutWords(document.path("paths")));
        types.set("components", json.createObjectNode().set("schemas", withoutWords(document.at("/components/schemas"))));
        Path fresh = Path.of("target/openapi.json");
        Files.writeString(fresh, json.writerWithDefaultPrettyPrinter().writeValueAsString(types) + "\n");

        Path snapshot = Path.of("src/main/webapp/openapi.json");
        JsonNode committed = Files.exists(snapshot) ? json.readTree(snapshot.toFile()) : json.createObjectNode();
        List<String> drifted = new ArrayList<>();
        for (String part : List.of("paths", "components/schemas")) {
            JsonNode now = types.at("/" + part);
            JsonNode then = committed.at("/" + part);
            now.fieldNames().forEachRemaining(name -> {
                if (!now.path(name).equals(then.path(name))) {
                    drifted.add(part + " " + name);
                }
            });
            then.fieldNames().forEachRemaining(name -> {
                if (now.path(name).isMissingNode()) {
                    drifted.add(part + " " + name + " (gone)");
                }
            });
        }
        assertThat(drifted).as("The API's types changed, and the web UI's snapshot of them is out of date. Run  cp "
                + "target/openapi.json src/main/webapp/openapi.json  and build (./mvnw package), which type-checks the "
                + "UI against the new types").isEmpty();
    }

    private static final Set<String> WORDS = Set.of("description", "summary", "example", "examples", "tags",
            "security");

    private static JsonNode withoutWords(JsonNode node) {
        return withoutWords(node, false);
    }

    /** @param fieldNames the node is a schema's {@code properties}: its keys are field names, not words */
    private static JsonNode withoutWords(JsonNode node, boolean fieldNames) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withoutWords(item, false)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            if (fieldNames || !WORDS.contains(field.getKey())) {
                copy.set(field.getKey(), withoutWords(field.getValue(), field.getKey().equals("properties") && !fieldNames));
            }
        });
        return copy;
    }

    /** A nullable field that names another schema is nullable itself; the schema it names stays an object. */
    @Test
    void schemasWithFieldsAreObjects() {
        List<String> notObjects = new ArrayList<>();
        document.at("/components/schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().has("properties") && !schema.getValue().path("type").asText().equals("object")) {
                notObjects.add(schema.getKey() + " is " + schema.getValue().path("type"));
            }
        });
        assertThat(notObjects).isEmpty();
        assertThat(document.at("/components/schemas/SessionView/properties/user/anyOf/1/type").asText()).isEqualTo("null");
    }

    /** Schema names are global: nested records of the same name (Item, Entry) once all became one schema. */
    @Test
    void aRequestsLinesAndAnAnswersLinesAreTwoSchemas() {
        JsonNode schemas = document.at("/components/schemas");
        assertThat(document.at("/components/schemas/EstimateRequest/properties/items/items/$ref").asText())
                .endsWith("/EstimateRequestItem");
        assertThat(schemas.at("/EstimateRequestItem/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("productCode", "quantity");
        assertThat(schemas.at("/EstimateRequestItem/properties").has("lineNo")).isFalse();
        assertThat(schemas.at("/EstimateResponseItem/properties").has("lineNo")).isTrue();
        assertThat(schemas.has("Item")).isFalse();
        assertThat(schemas.has("Entry")).isFalse();
    }

    @Test
    void everyOperationListsTheErrorsItsShapeCanAnswer() {
        List<String> missing = new ArrayList<>();
        List<ApiOperation> operations = ApiOperation.all(document);
        for (ApiOperation operation : operations) {
            String name = operation.toString();
            JsonNode responses = operation.responses();
            boolean open = operation.path().equals("/api/v1/health");
            boolean signIn = operation.path().equals("/api/v1/auth/session");
            List<String> expected = new ArrayList<>(List.of("429", "503"));
            if (!open && !signIn) {
                expected.add("401");
            }
            if (operation.operation().path("description").asText().contains("Needs the permission `")) {
                expected.add("403");
            }
            if (operation.takesBody() || operation.parameters().size() > 0) {
                expected.add("400");
            }
            if (operation.path().contains("{")) {
                expected.add("404");
            }
            if (operation.takesBody()) {
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
            JsonNode tags = operation.operation().path("tags");
            if (tags.size() != 1 || !MODULES.contains(tags.get(0).asText())) {
                missing.add(name + " is not tagged with one module: " + tags);
            }
        }
        assertThat(operations).hasSizeGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void noMediaTypeIsAWildcard() {
        assertThat(document.toString()).doesNotContain("\"*/*\"");
        assertThat(document.at("/components/schemas/Problem/required").toString()).contains("type", "status");
    }

    /**
     * Every JSON body an operation takes has a whole example (Swagger UI's "Try it out", a generated client's
     * docs), and the example is a request the document itself accepts. EmbeddedDefaultTest sends the main ones
     * to the demo data.
     */
    @Test
    void everyRequestBodyHasAnExampleTheDocumentAccepts() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ApiOperation operation : ApiOperation.all(document)) {
            JsonNode json = operation.requestContent().path("application/json");
            if (json.isMissingNode()) {
                continue;
            }
            List<JsonNode> examples = new ArrayList<>();
            json.path("examples").forEach(example -> examples.add(example.path("value")));
            String ref = json.path("schema").path("$ref").asText();
            if (examples.isEmpty() && !ref.isEmpty()) {
                examples.add(document.at(ref.substring(1) + "/example"));
            }
            if (examples.isEmpty() || examples.stream().anyMatch(example -> !example.isContainerNode())) {
                wrong.add(operation + " has no whole example: " + examples);
                continue;
            }
            for (JsonNode example : examples) {
                checked++;
                SimpleRequest.Builder request = new SimpleRequest.Builder(operation.method(), pathOf(operation))
                        .withContentType("application/json").withAuthorization("Bearer x")
                        .withBody(example.toString());
                operation.parameters().forEach(parameter -> {
                    if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                        request.withQueryParam(parameter.path("name").asText(), valueOf(parameter));
                    }
                });
                OpenApiContract.validator(port).validateRequest(request.build()).getMessages().stream()
                        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(message -> wrong.add(operation + ": its example " + message.getMessage()));
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    /** A field validated against a closed set of names is an enum a generated client can offer. */
    @Test
    void closedSetsAreEnums() {
        assertThat(document.at("/components/schemas/DecisionRequest/properties/decision/enum").toString())
                .isEqualTo("[\"APPROVE\",\"REJECT\",\"REQUEST_CHANGES\"]");
        assertThat(document.at("/components/schemas/OutcomeRequest/properties/outcome/enum").toString())
                .isEqualTo("[\"WON\",\"LOST\"]");
        assertThat(document.at("/components/schemas/AnalyzeRequest/properties/scope/enum").toString())
                .isEqualTo("[\"customer\",\"product\",\"period\"]");
    }

    /** The operation's path with a valid value for each path variable. */
    private static String pathOf(ApiOperation operation) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters()) {
            if (parameter.path("in").asText().equals("path")) {
                path = path.replace("{" + parameter.path("name").asText() + "}", valueOf(parameter));
            }
        }
        return path;
    }

    private static String valueOf(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return schema.path("format").asText().equals("uuid") ? "00000000-0000-0000-0000-000000000001" : "1";
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
