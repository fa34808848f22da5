package com.kis.estimator.platform.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error answers every operation can give because of its shape, written into the OpenAPI document from the
 * handler itself, so the document and the code cannot disagree about them: 400 for all (a request can be
 * refused for its headers or path before any handler runs), 404 for one with a path variable, 413 and 415 for one with a body, 503 for all (a database or Redis that does
 * not answer). What only one operation answers (a 409, 412, 422) its handler declares with
 * {@code @ApiResponse}; this fills in the problem body of those too.
 */
public final class ProblemDocumentation {

    /** The schema of every error body, under components/schemas. */
    public static final String PROBLEM_SCHEMA = "Problem";

    /** The problem type a status declared by a handler usually carries; its description names any other. */
    private static final Map<String, ProblemType> USUAL = Map.of(
            "400", ProblemType.VALIDATION, "401", ProblemType.UNAUTHORIZED, "403", ProblemType.FORBIDDEN, "404", ProblemType.NOT_FOUND,
            "409", ProblemType.CONFLICT, "412", ProblemType.PRECONDITION_FAILED, "413", ProblemType.PAYLOAD_TOO_LARGE,
            "422", ProblemType.BUSINESS_RULE, "503", ProblemType.SERVICE_UNAVAILABLE);

    private ProblemDocumentation() {
    }

    /** A problem answer: {@code application/problem+json}, the Problem schema, an example of each type. */
    public static ApiResponse problem(int status, String description, ProblemType... types) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        for (ProblemType type : types) {
            media.addExamples(type.slug(), new io.swagger.v3.oas.models.examples.Example()
                    .summary(type.title()).value(example(status, type)));
        }
        String typeList = Arrays.stream(types).map(type -> "`" + type.uri() + "`").collect(Collectors.joining(", "));
        return new ApiResponse().description(description + (types.length == 0 ? "" : " (" + typeList + ")"))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        media));
    }

    /** Adds the answer unless the handler declared this status itself (its words win). */
    public static void add(Operation operation, String status, ApiResponse response) {
        ApiResponses responses = operation.getResponses();
        ApiResponse declared = responses.get(status);
        if (declared == null) {
            responses.addApiResponse(status, response);
        } else if (declared.getContent() == null || declared.getContent().isEmpty()) {
            declared.setContent(response.getContent());
        }
    }

    /** What the platform answers for any handler of this shape. */
    static void addPlatformProblems(Operation operation, HandlerMethod handler) {
        boolean pathVariables = false;
        boolean input = false;
        boolean body = false;
        boolean multipart = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            pathVariables |= parameter.hasParameterAnnotation(PathVariable.class);
            input |= parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestParam.class)
                    || org.springframework.data.domain.Pageable.class.isAssignableFrom(parameter.getParameterType());
            body |= parameter.hasParameterAnnotation(RequestBody.class);
            multipart |= parameter.hasParameterAnnotation(RequestPart.class);
        }
        // any request can be refused before a handler runs: oversized headers, an encoded slash in the path
        add(operation, "400", input || body || multipart
                ? problem(400, "The request is not valid: a field, a parameter, the body, or its headers or path",
                        ProblemType.VALIDATION, ProblemType.INVALID_PARAMETER, ProblemType.MALFORMED_REQUEST,
                        ProblemType.HEADERS_TOO_LARGE, ProblemType.REQUEST_REJECTED)
                : problem(400, "The request's headers or path are not accepted, or it carries a query parameter or "
                        + "body this operation does not take", ProblemType.INVALID_PARAMETER,
                        ProblemType.MALFORMED_REQUEST, ProblemType.HEADERS_TOO_LARGE, ProblemType.REQUEST_REJECTED));
        if (pathVariables) {
            add(operation, "404", problem(404, "No such resource, or one the caller may not see",
                    ProblemType.NOT_FOUND));
        }
        if (body || multipart) {
            add(operation, "413", problem(413, "The body is larger than this operation takes",
                    ProblemType.PAYLOAD_TOO_LARGE));
            add(operation, "415", problem(415, "The body's media type is not the one this operation takes",
                    ProblemType.UNSUPPORTED_MEDIA_TYPE));
        }
        add(operation, "503", problem(503, "A service the operation needs (database, Redis, the model) does not "
                + "answer; nothing was changed, try again later", ProblemType.SERVICE_UNAVAILABLE));
        operation.getResponses().forEach((status, response) -> {
            ProblemType usual = USUAL.get(status);
            if (usual != null) {
                add(operation, status, problem(Integer.parseInt(status), response.getDescription(), usual));
            }
        });
    }

    private static Map<String, Object> example(int status, ProblemType type) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", "What went wrong, in words a person can act on");
        example.put("instance", "/api/v1/…");
        example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        return example;
    }
}
