package com.kis.estimator.platform.web;

import java.net.URI;

/**
 * A stable kind of error. Clients switch on {@link #uri()}, never on the human-readable title or detail,
 * so a type once published keeps its slug. The catalogue is in docs/api-conventions.md.
 */
public record ProblemType(String slug, String title) {

    public static final ProblemType VALIDATION = new ProblemType("validation", "Request is not valid");
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", "Request body cannot be read");
    public static final ProblemType REQUEST_REJECTED = new ProblemType("request-rejected",
            "Request path or headers are not accepted");
    public static final ProblemType INVALID_PARAMETER = new ProblemType("invalid-parameter", "Request parameter is not valid");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed");
    public static final ProblemType MFA_REQUIRED = new ProblemType("mfa-required", "A login with a second factor is required");
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Resource not found");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", "Media type not supported");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", "Response media type not acceptable");
    public static final ProblemType HEADERS_TOO_LARGE = new ProblemType("headers-too-large", "Request headers are too large");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", "Request is too large");
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflicting change");
    public static final ProblemType PRECONDITION_FAILED = new ProblemType("precondition-failed", "Resource has changed");
    public static final ProblemType UNKNOWN_REFERENCE = new ProblemType("unknown-reference", "Referenced resource does not exist");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused",
            "Idempotency-Key was used for a different request");
    public static final ProblemType PRICES_STALE = new ProblemType("prices-stale",
            "Estimate was priced on prices that have changed");
    public static final ProblemType IMPORT_FILE_REFUSED = new ProblemType("import-file-refused",
            "The file cannot be imported");
    public static final ProblemType DOCUMENT_REFUSED = new ProblemType("document-refused",
            "The file is no document the OCR can read");
    public static final ProblemType TRAINING_RUNNING = new ProblemType("training-running",
            "A training of the model is running already");
    public static final ProblemType BUSINESS_RULE = new ProblemType("business-rule", "Business rule violated");
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", "Service unavailable");
    public static final ProblemType INTERNAL = new ProblemType("internal-error", "Internal error");

    private static final String BASE = "/problems/";

    public URI uri() {
        return URI.create(BASE + slug);
    }
}
