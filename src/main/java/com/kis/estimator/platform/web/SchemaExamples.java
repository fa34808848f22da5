package com.kis.estimator.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Gives the document's schemas their examples from {@code openapi/examples/{Schema}.json}: whole, realistic
 * bodies (the embedded default's demo customers and products) that Swagger UI offers for "Try it out" and a
 * generated client can show. They live as JSON files, not in annotations, so they read as what a caller sends;
 * a file that names no schema stops the application, so a renamed record cannot lose its example quietly.
 * Tests send each one to the embedded default and validate it against the document.
 */
@Component
class SchemaExamples implements OpenApiCustomizer {

    private static final String LOCATION = "classpath:openapi/examples/*.json";

    private final Map<String, Object> examples;

    SchemaExamples() {
        this.examples = read();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        examples.forEach((name, example) -> {
            Schema<?> schema = schemas == null ? null : schemas.get(name);
            if (schema == null) {
                throw new IllegalStateException("openapi/examples/" + name + ".json names no schema of the document");
            }
            schema.setExample(example);
        });
    }

    private static Map<String, Object> read() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> read = new LinkedHashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = file.getFilename().substring(0, file.getFilename().length() - ".json".length());
                try (InputStream in = file.getInputStream()) {
                    read.put(name, json.readValue(in, Object.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
        return read;
    }
}
