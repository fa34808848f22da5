package com.kis.estimator.ocr.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The document-intake process's variables (processes/README.md). {@code lines} is a JSON variable, as the API
 * sends it; the Tasklist form reads and submits it as {@link LineChoices}.
 */
@Component
class ReviewVariables {

    static final String DOCUMENT_ID = "documentId";
    static final String CUSTOMER_CODE = "customerCode";
    static final String LINES = "lines";
    /** The Tasklist form's view of {@code lines}: see {@link LineChoices}. */
    static final String CHOICES = "lineChoices";
    static final String QUOTED = "quotedLines";
    static final String CORRECTIONS = "lineCorrections";
    static final String PAGE_IMAGE = "pageImage";
    static final String DECISION = "reviewDecision";
    static final String COMMENT = "reviewComment";
    static final String REVIEWED_BY = "reviewedBy";
    static final String REVIEWER_TEAM = "reviewerTeam";

    private final ObjectMapper json;

    ReviewVariables(ObjectMapper json) {
        this.json = json;
    }

    void setLines(VariableScope scope, List<ReviewLine> lines) {
        scope.setVariable(LINES, linesValue(lines));
        scope.setVariable(CHOICES, SpinValues.jsonValue(write(LineChoices.options(lines))).create());
        scope.setVariable(QUOTED, SpinValues.jsonValue(write(LineChoices.initiallyQuoted(lines))).create());
        scope.setVariable(CORRECTIONS, "");
    }

    /** {@code lines} as the reviewer left them in Tasklist: the ticked lines, corrected. */
    void applyTasklistChoices(VariableScope scope) {
        List<String> quoted = strings(scope.getVariable(QUOTED));
        Object corrections = scope.getVariable(CORRECTIONS);
        scope.setVariable(LINES, linesValue(LineChoices.applied(lines(scope.getVariable(LINES)), quoted,
                corrections == null ? null : corrections.toString())));
    }

    private List<String> strings(Object value) {
        return list(value, new TypeReference<List<String>>() {
        }, QUOTED, "quotedLines must be a list of line numbers");
    }

    /**
     * The first page for the form's image, as a data URI. A JSON variable because Camunda keeps a String
     * variable in a column of 4,000 characters, and the form reads a JSON string as the plain string it is.
     */
    void setPageImage(VariableScope scope, String dataUri) {
        scope.setVariable(PAGE_IMAGE, SpinValues.jsonValue(write(dataUri)).create());
    }

    Object linesValue(List<ReviewLine> lines) {
        return SpinValues.jsonValue(write(lines)).create();
    }

    RfqReview review(VariableScope scope) {
        return new RfqReview(string(scope, DECISION), string(scope, CUSTOMER_CODE), lines(scope.getVariable(LINES)),
                string(scope, COMMENT));
    }

    List<ReviewLine> lines(Object value) {
        return list(value, new TypeReference<List<ReviewLine>>() {
        }, LINES, "lines must be a list of {confirmed, productCode, quantity, unit}");
    }

    /** A JSON list variable, null as empty; one that is not a list of the kind is the caller's mistake. */
    private <T> List<T> list(Object value, TypeReference<List<T>> type, String field, String expected) {
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value.toString(), type);
        } catch (JsonProcessingException e) {
            throw com.kis.estimator.platform.web.ApiProblemException.invalidField(field,
                    expected + ": " + e.getOriginalMessage());
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
