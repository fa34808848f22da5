package com.kis.estimator.estimate.history;

/** One field that differs between two revisions; {@code from} or {@code to} is null for added or removed lines. */
public record FieldChange(String field, Object from, Object to) {
}
