package com.kis.estimator.platform.web;

import java.time.Duration;
import java.util.List;
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
    private long retryAfterSeconds;

    public ApiProblemException(HttpStatus status, ProblemType type, String detail) {
        this(status, type, detail, Map.of());
    }

    public ApiProblemException(HttpStatus status, ProblemType type, String detail, Map<String, ?> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    /** 429 for a limit of the business (not the request rate), with when to ask again. */
    public static ApiProblemException quotaReached(String detail, Duration retryAfter) {
        ApiProblemException problem = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                detail);
        problem.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        return problem;
    }

    /** Seconds for a {@code Retry-After} header; 0: none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiProblemException notFound(String what, Object id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /**
     * 422 for a well-formed request that names something that does not exist, e.g. an unknown product code on
     * line 3: {@code unknownReference("items[2].productCode", "no product MCCB-9")}. The field is reported
     * like a validation error so that a form can show it next to the input.
     */
    public static ApiProblemException unknownReference(String field, String message) {
        return rejectedField(ProblemType.UNKNOWN_REFERENCE, field, message);
    }

    /** 400 for a field that is missing or malformed in a way Bean Validation cannot express. */
    public static ApiProblemException invalidField(String field, String message) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    /** 422 for a field that is well-formed on its own but breaks a business rule. */
    public static ApiProblemException businessRule(String field, String message) {
        return rejectedField(ProblemType.BUSINESS_RULE, field, message);
    }

    private static ApiProblemException rejectedField(ProblemType type, String field, String message) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, type, message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
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
