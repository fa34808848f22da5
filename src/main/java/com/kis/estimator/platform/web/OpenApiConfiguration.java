package com.kis.estimator.platform.web;

import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) covers {@code /api/**}
 * and is what clients are generated from, so it is completed here from the code rather than written by hand:
 * each operation's real success status, its error answers ({@link ProblemDocumentation}), the Problem schema,
 * {@code nullable} on fields that can be null and {@code required} on every field an answer always carries.
 * The tests check every request and answer they make against it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** A regular expression that is only alternatives of names: {@code APPROVE|REJECT|REQUEST_CHANGES}. */
    private static final java.util.regex.Pattern NAMES = java.util.regex.Pattern.compile("[A-Za-z_]+(\\|[A-Za-z_]+)+");

    private static final Map<String, String> MODULES = Map.of(
            "estimate", "Estimates (견적): drafts, revisions, templates, the quote PDF",
            "approval", "Submitting estimates for approval and the decisions on them",
            "catalog", "Products, customers, price lists and volume tiers",
            "erp", "Imports from the ERP (files and pushed JSON) and their runs",
            "ocr", "Paper documents (RFQs, purchase orders) read by OCR and reviewed",
            "ai", "The win model: scores, analyses, models and training",
            "audit", "The tamper-evident audit log",
            "administration", "Settings an administrator changes at run time",
            "security", "Who the caller is and what they may do",
            "platform", "Health");

    @Bean
    OpenAPI kisOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
        return new OpenAPI().info(new Info()
                        .title("KIS Estimator API")
                        .version(version)
                        .description("Estimates (견적), catalog, approval, ERP import, OCR intake and AI scoring. "
                                + "Errors are RFC 7807 application/problem+json with a stable type; see "
                                + "docs/api-conventions.md."))
                .tags(MODULES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(module -> new Tag().name(module.getKey()).description(module.getValue())).toList())
                .components(new Components().addSchemas(ProblemDocumentation.PROBLEM_SCHEMA, problemSchema()));
    }

    @Bean
    OperationCustomizer platformProblems(@Value("${spring.data.web.pageable.max-page-size:2000}") int maxPageSize) {
        return (operation, handler) -> {
            SuccessStatus.correct(operation, handler);
            ProblemDocumentation.addPlatformProblems(operation, handler);
            PageRules.document(operation, handler, maxPageSize);
            return operation;
        };
    }

    /**
     * Field annotations the document would otherwise miss: a {@code @Pattern} that only lists names
     * ({@code WON|LOST}) is a closed set, so it becomes an {@code enum} a generated client can offer; a field
     * whose value may be null says so ({@code @Nullable} on the record component).
     */
    @Bean
    PropertyCustomizer fieldAnnotations() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            if (annotations != null) {
                for (Annotation annotation : annotations) {
                    if (annotation instanceof jakarta.validation.constraints.Pattern pattern
                            && NAMES.matcher(pattern.regexp()).matches()) {
                        property.setEnum(new ArrayList<>(List.of(pattern.regexp().split("\\|"))));
                    }
                }
                for (Annotation annotation : annotations) {
                    if (annotation.annotationType().getSimpleName().equals("Nullable") && property.get$ref() != null) {
                        // a reference is shared by every field that names the schema: the field, not the schema,
                        // is what may be null
                        return new Schema<>().anyOf(List.of(property, new Schema<>().types(Set.of("null"))));
                    }
                    if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                        property.setNullable(true);
                        // JSON Schema checks enum before nullable: a null must be one of the values too
                        if (property.getEnum() != null && !property.getEnum().contains(null)) {
                            property.getEnum().add(null);
                        }
                    }
                }
            }
            return property;
        };
    }

    /**
     * swagger-core, resolving a {@code @Nullable} field whose type is a record, marks the record's own schema as
     * {@code type: null} (seen with {@code SessionView.user} → {@code Me}), so that every client would read that
     * type as never holding a value. The field says it may be null ({@link #fieldAnnotations()}); the schema is an
     * object.
     */
    @Bean
    OpenApiCustomizer nullableFieldsLeaveTheirSchemaAnObject() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null && schema.getTypes() != null
                    && schema.getTypes().equals(Set.of("null"))) {
                schema.setTypes(new TreeSet<>(Set.of("object")));
            }
        });
    }

    /**
     * An answer always carries every field of its schema (null ones included, as {@code null}), so each is
     * required there: a generated client need not treat them as optional. Request schemas keep what
     * bean validation makes required.
     */
    @Bean
    OpenApiCustomizer answersCarryEveryField() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            Set<String> answers = new TreeSet<>();
            Set<String> requests = new TreeSet<>();
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    collect(operation.getRequestBody().getContent(), schemas, requests);
                }
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        collect(response.getContent(), schemas, answers);
                    }
                });
            }));
            answers.removeAll(requests);
            answers.remove(ProblemDocumentation.PROBLEM_SCHEMA);
            for (String name : answers) {
                Schema<?> schema = schemas.get(name);
                if (schema.getProperties() != null) {
                    schema.setRequired(List.copyOf(new TreeSet<>(schema.getProperties().keySet())));
                }
            }
        };
    }

    private static void collect(Content content, Map<String, Schema> schemas, Set<String> found) {
        if (content == null) {
            return;
        }
        Deque<Schema<?>> todo = new ArrayDeque<>();
        content.values().forEach(media -> {
            if (media.getSchema() != null) {
                todo.add(media.getSchema());
            }
        });
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (found.add(name) && schemas.containsKey(name)) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::add);
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                todo.add(values);
            }
            for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (composed != null) {
                    composed.forEach(todo::add);
                }
            }
        }
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.addProperty("field", new StringSchema().description("The field or parameter, as "
                + "items[0].quantity or sort"));
        fieldProblem.addProperty("message", new StringSchema().description("What is wrong with it"));
        fieldProblem.addProperty("line", new IntegerSchema().description("The line of an uploaded file, if any"));
        fieldProblem.setRequired(List.of("field", "message"));
        fieldProblem.setAdditionalProperties(true);
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem details. Clients switch on `type`, which never changes once "
                + "published; other members may be added (a 409 names the conflicting resource, for example).");
        problem.addProperty("type", new StringSchema().format("uri-reference").example("/problems/validation"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("traceId", new StringSchema().description("Quote it when reporting a problem"));
        problem.addProperty("errors", new ArraySchema().items(fieldProblem));
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
