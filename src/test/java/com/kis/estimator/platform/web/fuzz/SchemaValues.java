package com.kis.estimator.platform.web.fuzz;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for a JSON schema of the OpenAPI document, mostly of the right shape so that requests reach deep into
 * the handlers, and at a given rate hostile: the wrong type, a bound crossed, a required field dropped, an
 * unknown one added, text that is long, empty or odd. Seeded: the same seed gives the same values.
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> ODD_TEXT = List.of("", " ", "견적서", "'; DROP TABLE x; --", "%", "_", "\u0000",
            "a".repeat(5000), "EST-2026-000001", "P-1", "1e309", "-1", "null", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "..\\..\\etc\\passwd");

    private final JsonNode components;
    private final Random random;
    private final double hostility;

    SchemaValues(JsonNode document, Random random, double hostility) {
        this.components = document.path("components").path("schemas");
        this.random = random;
        this.hostility = hostility;
    }

    JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private JsonNode of(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (random.nextDouble() < hostility) {
            return hostile();
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        for (String composed : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(composed)) {
                JsonNode options = schema.get(composed);
                return of(options.get(random.nextInt(options.size())), depth + 1);
            }
        }
        return switch (schema.path("type").asText("object")) {
            case "string" -> text(schema);
            case "integer" -> JSON.numberNode(whole(schema));
            case "number" -> JSON.numberNode(new java.math.BigDecimal(whole(schema)).movePointLeft(random.nextInt(3)));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int size = depth > 3 ? 0 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(of(schema.path("items"), depth + 1));
                }
                yield array;
            }
            default -> object(schema, depth);
        };
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            boolean required = contains(schema.path("required"), property.getKey());
            boolean drop = required ? random.nextDouble() < hostility / 2 : random.nextDouble() < 0.3;
            if (!drop && depth < 5) {
                object.set(property.getKey(), of(property.getValue(), depth + 1));
            }
        }
        if (random.nextDouble() < hostility / 2) {
            object.put("unknown" + random.nextInt(10), "x");
        }
        return object;
    }

    private JsonNode text(JsonNode schema) {
        if ("date".equals(schema.path("format").asText())) {
            return JSON.textNode(java.time.LocalDate.of(2020 + random.nextInt(10), 1 + random.nextInt(12),
                    1 + random.nextInt(28)).toString());
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return JSON.textNode("2026-0" + (1 + random.nextInt(9)) + "-01T00:00:00Z");
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return JSON.textNode(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        }
        int max = Math.min(schema.path("maxLength").asInt(40), 60);
        int min = schema.path("minLength").asInt(1);
        int length = Math.max(min, 1 + random.nextInt(Math.max(1, max)));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return JSON.textNode(text.toString());
    }

    private long whole(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : 1000;
        if (max <= min) {
            return min;
        }
        return min + (long) (random.nextDouble() * Math.min(max - min, 1_000_000));
    }

    /** Anything at all: another JSON type, a number past every bound, odd text, an empty container. */
    JsonNode hostile() {
        return switch (random.nextInt(9)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1000));
            case 3 -> JSON.numberNode(new java.math.BigDecimal("1E+400"));
            case 4 -> JSON.numberNode(random.nextDouble() * 1e12);
            case 5 -> JSON.arrayNode().add(random.nextInt());
            case 6 -> JSON.objectNode().put("x", 1);
            default -> JSON.textNode(ODD_TEXT.get(random.nextInt(ODD_TEXT.size())));
        };
    }

    /** A query or path value: the schema's kind of value, or odd text. */
    String parameter(JsonNode schema) {
        JsonNode value = of(schema);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
