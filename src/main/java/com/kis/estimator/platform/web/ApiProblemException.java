package com.kis.estimator.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Thrown by a module when a request must fail with a specific problem type. The platform turns it into
 * {@code application/problem+json}; extra properties (for example the conflicting version) become members
 * of the problem document.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;
    private final Map<String, Object> properties;

    public ApiProblemException(HttpStatus status, ProblemType type, String detail) {
        this(status, type, detail, Map.of());
    }

    public ApiProblemException(HttpStatus status, ProblemType type, String detail, Map<String, ?> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblemException notFound(String what, Object id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
