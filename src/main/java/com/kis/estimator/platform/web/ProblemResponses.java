package com.kis.estimator.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

import com.kis.estimator.platform.persistence.DatabaseOutage;
import com.kis.estimator.platform.redis.RedisUnavailable;

/**
 * Turns every error that leaves a controller into RFC 7807 {@code application/problem+json}: a stable
 * {@code type} per kind of error, the request path as {@code instance}, the trace id so a caller's report
 * can be found in the logs, and field-level {@code errors} for validation. Unexpected exceptions are logged
 * here and answered 500 without internals.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> apiProblem(ApiProblemException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        ex.properties().forEach(body::setProperty);
        return finish(body, ex.type(), request, ex.retryAfterSeconds() > 0
                ? retryAfter((int) Math.min(Integer.MAX_VALUE, ex.retryAfterSeconds())) : HttpHeaders.EMPTY);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "One or more fields are not valid");
        body.setProperty("errors", ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
        return finish(body, ProblemType.VALIDATION, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> unknownSortProperty(PropertyReferenceException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Cannot sort by '" + ex.getPropertyName() + "'");
        return finish(body, ProblemType.INVALID_PARAMETER, request, HttpHeaders.EMPTY);
    }

    /**
     * A multipart body that cannot be parsed (cut short, no boundary). One too large is the closer match of the
     * base class's handler and stays 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart body cannot be read: it is incomplete or malformed");
        return finish(body, ProblemType.MALFORMED_REQUEST, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed by someone else; reload it and apply your change again");
        return finish(body, ProblemType.CONFLICT, request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> conflictingData(DataIntegrityViolationException ex, WebRequest request) {
        // Constraint names and SQL stay in the log; the caller learns only that its data collides.
        log.info("Data integrity violation on {}: {}", path(request), ex.getMostSpecificCause().getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with existing data (for example a code that is already taken)");
        return finish(body, ProblemType.CONFLICT, request, HttpHeaders.EMPTY);
    }

    /**
     * Redis away where the request needs it (an import's source lock, the sync page's lock holders): a quick 503
     * that says to come back, not a 500. Where Redis only helps (caches, rate limits) requests do not get here.
     */
    @ExceptionHandler(RedisUnavailable.class)
    ResponseEntity<Object> redisUnavailable(RedisUnavailable ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Redis, which this request needs, does not answer (since " + ex.since() + "); try again shortly");
        return finish(body, ProblemType.SERVICE_UNAVAILABLE, request, retryAfter(10));
    }

    private static HttpHeaders retryAfter(int seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(seconds));
        return headers;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (ex instanceof ErrorResponse known) {
            // Exceptions that carry their own status (e.g. ResponseStatusException subclasses) keep it.
            return handleExceptionInternal(ex, known.getBody(), known.getHeaders(), known.getStatusCode(), request);
        }
        if (DatabaseOutage.caused(ex)) {
            // no stack trace per request while the database restarts: health and the pool's own log say it
            log.warn("Database unavailable on {}: {}", path(request), ex.getMessage());
            request.setAttribute(DatabaseOutage.ANSWERED, Boolean.TRUE, WebRequest.SCOPE_REQUEST);
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database does not answer; nothing was changed; try again shortly");
            return finish(body, ProblemType.SERVICE_UNAVAILABLE, request, retryAfter(5));
        }
        log.error("Unhandled error on {}", path(request), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote the traceId when reporting it");
        return finish(body, ProblemType.INTERNAL, request, HttpHeaders.EMPTY);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "One or more fields are not valid");
        body.setProperty("errors", fieldProblems(ex.getBindingResult()));
        return finish(body, ProblemType.VALIDATION, request, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "One or more parameters are not valid");
        // A @Valid request body validated together with constrained headers or parameters arrives here as
        // ParameterErrors: report its fields ("items[0].quantity"), not the parameter's name.
        body.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors
                        ? errors.getAllErrors().stream().map(ProblemResponses::fieldProblem)
                        : result.getResolvableErrors().stream().map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
        return finish(body, ProblemType.VALIDATION, request, headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            // Jackson's message names Java classes; callers get the field and the JSON type it needs instead.
            problem.setDetail(UnreadableBody.detail(unreadable.getCause()));
            UnreadableBody.fieldProblem(unreadable.getCause()).ifPresent(field -> {
                problem.setDetail("The request body does not have the expected shape");
                problem.setProperty("errors", List.of(field));
            });
        } else if (ex instanceof NoResourceFoundException missing) {
            problem.setDetail("No endpoint " + missing.getHttpMethod() + " /" + missing.getResourcePath());
        }
        return finish(problem, typeOf(ex, statusCode), request, headers);
    }

    private static ProblemType typeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException) return ProblemType.MALFORMED_REQUEST;
        if (ex instanceof NoResourceFoundException) return ProblemType.NOT_FOUND;
        if (ex instanceof HttpRequestMethodNotSupportedException) return ProblemType.METHOD_NOT_ALLOWED;
        if (ex instanceof HttpMediaTypeNotSupportedException) return ProblemType.UNSUPPORTED_MEDIA_TYPE;
        if (ex instanceof HttpMediaTypeNotAcceptableException) return ProblemType.NOT_ACCEPTABLE;
        if (ex instanceof MaxUploadSizeExceededException) return ProblemType.PAYLOAD_TOO_LARGE;
        return switch (status.value()) {
            case 400 -> ProblemType.INVALID_PARAMETER;
            case 404 -> ProblemType.NOT_FOUND;
            case 409 -> ProblemType.CONFLICT;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.INVALID_PARAMETER;
        };
    }

    private static ResponseEntity<Object> finish(ProblemDetail body, ProblemType type, WebRequest request,
            HttpHeaders headers) {
        body.setType(type.uri());
        body.setTitle(type.title());
        body.setInstance(URI.create(path(request)));
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            body.setProperty("traceId", traceId);
        }
        return ResponseEntity.status(body.getStatus()).headers(headers).body(body);
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        return result.getAllErrors().stream()
                .map(ProblemResponses::fieldProblem)
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static FieldProblem fieldProblem(ObjectError error) {
        String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
        return new FieldProblem(field, error.getDefaultMessage());
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    /** One invalid field: where, and what is wrong with it, in words a caller can show next to the field. */
    record FieldProblem(String field, String message) {
    }
}
