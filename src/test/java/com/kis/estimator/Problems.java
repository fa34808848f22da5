package com.kis.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 7807 answers: status, stable type and, for field errors, the field named. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertProblem(response, status, type, null);
    }

    public static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().path("type").asText()).isEqualTo(type);
        if (field != null) {
            assertThat(response.getBody().path("errors").findValuesAsText("field")).contains(field);
        }
    }
}
