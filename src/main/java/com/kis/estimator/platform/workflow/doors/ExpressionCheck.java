package com.kis.estimator.platform.workflow.doors;

import java.util.Set;

/**
 * Reads one JUEL expression ({@code ${…}} or {@code #{…}}) and decides whether a deployed model may hold it.
 * Allowed: variable names, string, number and boolean literals, comparison, logical and arithmetic operators,
 * parentheses, and on a bean the application offers to models one property or one method call whose arguments
 * are again of this kind ({@code ${estimateStatus.set(execution, 'APPROVED')}}). Everything else is refused:
 * a dot after anything but such a bean ({@code execution.getProcessEngineServices()}, {@code 'x'.concat(…)}),
 * chained calls, brackets, JUEL functions ({@code fn:…}), assignment and lambdas.
 */
final class ExpressionCheck {

    /** @param end the index just after the expression's closing brace (or the text's end if it has none) */
    record Result(boolean allowed, String reason, int end) {
    }

    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "empty", "div", "mod", "true", "false", "null", "instanceof");
    private static final String OPERATOR_CHARS = "=!<>&|+-*/%";
    /** What every bean has beside its own methods: a way to its class, and to block a thread. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "class", "wait", "notify", "notifyAll",
            "hashCode", "equals", "clone", "finalize", "toString");

    private final String text;
    private final Set<String> beans;
    private int position;

    ExpressionCheck(String text, int start, Set<String> beans) {
        this.text = text;
        this.position = start;
        this.beans = beans;
    }

    Result run() {
        int depth = 0;
        // a bean offered to models was the last token: one property or call on it may follow
        boolean afterBean = false;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
                continue;
            }
            if (c == '}' && depth == 0) {
                return new Result(true, null, position + 1);
            }
            boolean bean = false;
            if (c == '\'' || c == '"') {
                if (!skipString(c)) {
                    return refused("an unterminated string");
                }
            } else if (Character.isDigit(c)) {
                while (position < text.length() && (Character.isDigit(text.charAt(position))
                        || ".eE".indexOf(text.charAt(position)) >= 0)) {
                    position++;
                }
                if (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
                    return refused("a number followed by a name");
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                String word = identifier();
                char next = nextNonBlank();
                if (next == ':' || next == '(') {
                    return refused("a function call (" + word + next + "…)");
                }
                bean = !OPERATOR_WORDS.contains(word) && beans.contains(word);
            } else if (c == '.') {
                if (!afterBean) {
                    return refused("a property or method of something that is not a bean offered to models");
                }
                position++;
                skipBlanks();
                if (position >= text.length() || !Character.isJavaIdentifierStart(text.charAt(position))) {
                    return refused("a dot not followed by a name");
                }
                String member = identifier();
                if (OBJECT_METHODS.contains(member)) {
                    return refused("java.lang.Object's " + member);
                }
                if (nextNonBlank() == '.') {
                    return refused("a chain of properties or calls");
                }
            } else if (c == '(') {
                depth++;
                position++;
            } else if (c == ')') {
                if (depth == 0) {
                    return refused("an unbalanced parenthesis");
                }
                depth--;
                position++;
                if (nextNonBlank() == '.' || nextNonBlank() == '(') {
                    return refused("a call on the result of a call or parenthesis");
                }
            } else if (c == ',' && depth > 0) {
                position++;
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                if (c == '-' && position + 1 < text.length() && text.charAt(position + 1) == '>') {
                    return refused("a lambda");
                }
                if (c == '=' && !(position + 1 < text.length() && text.charAt(position + 1) == '=')
                        && !(position > 0 && "=!<>".indexOf(text.charAt(position - 1)) >= 0)) {
                    return refused("an assignment");
                }
                position++;
            } else {
                return refused("'" + c + "'");
            }
            afterBean = bean;
        }
        return refused("an expression without its closing brace");
    }

    private Result refused(String what) {
        return new Result(false, "not allowed: " + what, position + 1);
    }

    private String identifier() {
        int start = position;
        while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private boolean skipString(char quote) {
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\') {
                position++;
            } else if (c == quote) {
                return true;
            }
        }
        return false;
    }

    private void skipBlanks() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private char nextNonBlank() {
        int p = position;
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        return p < text.length() ? text.charAt(p) : 0;
    }
}
