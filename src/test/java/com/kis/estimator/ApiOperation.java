package com.kis.estimator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document: its path as written there ({@code /api/v1/estimates/{id}}), its method in
 * upper case and its description. Tests that go over the whole API (its document's shape, the fuzzer) read
 * the operations from here, in the document's order.
 */
public record ApiOperation(String path, String method, JsonNode operation) {

    /** Every operation of {@code document}. */
    public static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> operations.add(new ApiOperation(path.getKey(), op.getKey().toUpperCase(), op.getValue()))));
        return operations;
    }

    public JsonNode responses() {
        return operation.path("responses");
    }

    public JsonNode parameters() {
        return operation.path("parameters");
    }

    public JsonNode requestContent() {
        return operation.path("requestBody").path("content");
    }

    /** A stream (server-sent events) that answers for as long as the caller listens. */
    public boolean streams() {
        return responses().path("200").path("content").has("text/event-stream");
    }

    public boolean takesBody() {
        return operation.has("requestBody");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
