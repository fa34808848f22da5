package com.kis.estimator.platform.web;

import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of an unreadable JSON body is wrong and what it should be, in the API's terms (text,
 * number, object) rather than Jackson's Java class names, so a client author can fix the request.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    /** The field at fault, or empty when the body as a whole is unreadable (not JSON, missing, cut off). */
    static Optional<ProblemResponses.FieldProblem> fieldProblem(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return Optional.of(new ProblemResponses.FieldProblem(path(unknown),
                    "unknown property" + (known.isEmpty() ? "" : "; the known ones are " + known)));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && text.indexOf('\0') >= 0) {
            return Optional.of(new ProblemResponses.FieldProblem(path(invalid), StrictJsonBodies.NUL_REFUSED));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Optional.of(new ProblemResponses.FieldProblem(path(mismatch),
                    "must be " + jsonType(mismatch.getTargetType())));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Optional.of(new ProblemResponses.FieldProblem(path(mapping), "has a value that cannot be read"));
        }
        return Optional.empty();
    }

    /** Where the body as a whole is wrong: no JSON object at all. */
    static String detail(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null) {
            return "The request body must be " + jsonType(mismatch.getTargetType());
        }
        if (cause instanceof JsonProcessingException && !(cause instanceof JsonMappingException)) {
            return "The request body is not valid JSON";
        }
        return "The request body is missing or is not valid JSON of the expected shape";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            } else if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            }
        }
        return path.toString();
    }

    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time as ISO-8601 text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "of another type";
    }
}
