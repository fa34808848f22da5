package com.kis.estimator.platform.persistence;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * Search as sales staff type it: part of a code in any case, or part of a Korean name with or without its spaces
 * ("배선용차단기" finds "배선용 차단기"). What they type is matched literally: a {@code %} or {@code _} is a
 * character, not a wildcard.
 */
public final class TextSearch {

    private static final char ESCAPE = '\\';

    private final String compact;

    private TextSearch(String typed) {
        String escaped = typed.replace(" ", "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        this.compact = "%" + escaped + "%";
    }

    /** What was typed, or null for nothing to search by. */
    public static TextSearch of(String typed) {
        return typed == null || typed.isBlank() ? null : new TextSearch(typed);
    }

    /** The code contains the text, in any case. */
    public Predicate inCode(CriteriaBuilder cb, Expression<String> code) {
        return cb.like(cb.upper(code), compact.toUpperCase(), ESCAPE);
    }

    /** The name contains the text, spaces on either side not counting. */
    public Predicate inName(CriteriaBuilder cb, Expression<String> name) {
        Expression<String> withoutSpaces = cb.function("replace", String.class, name, cb.literal(" "), cb.literal(""));
        return cb.like(withoutSpaces, compact, ESCAPE);
    }
}
