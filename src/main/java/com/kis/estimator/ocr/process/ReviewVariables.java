package com.kis.estimator.ocr.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The document-intake process's variables (processes/README.md). {@code lines} is a JSON variable because that
 * is what a Camunda Form's dynamic list reads and submits; the API may send it as a JSON string too.
 */
@Component
class ReviewVariables {

    static final String DOCUMENT_ID = "documentId";
    static final String CUSTOMER_CODE = "customerCode";
    static final String LINES = "lines";
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
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value.toString(), new TypeReference<List<ReviewLine>>() {
            });
        } catch (JsonProcessingException e) {
            throw com.kis.estimator.platform.web.ApiProblemException.invalidField(LINES,
                    "lines must be a list of {confirmed, productCode, quantity, unit}: " + e.getOriginalMessage());
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
