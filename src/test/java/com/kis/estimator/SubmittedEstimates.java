package com.kis.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small estimate of sales1's, submitted for approval in production (tokens of the test realm): a product and a
 * customer of its own, so that it waits for the {@code approver} level only.
 */
public final class SubmittedEstimates {

    private SubmittedEstimates() {
    }

    /** @return the estimate's number, the approval process's business key */
    public static String submitted(TestRestTemplate rest, String codePrefix) {
        JsonHttp admin = JsonHttp.as(rest, "admin");
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        admin.post("/api/v1/products", """
                {"code":"%1$s-%2$s","name":"시험 품목","category":"%1$s","unit":"EA","listPrice":100000,"cost":60000}"""
                .formatted(codePrefix, run));
        admin.post("/api/v1/customers", """
                {"code":"%1$s-C-%2$s","name":"(주)시험","businessRegistrationNumber":"124-81-00998","tier":"B"}"""
                .formatted(codePrefix, run));
        JsonHttp sales = JsonHttp.as(rest, "sales1");
        JsonNode created = sales.post("/api/v1/estimates", """
                {"customerCode":"%1$s-C-%2$s","items":[{"productCode":"%1$s-%2$s","quantity":1}]}"""
                .formatted(codePrefix, run)).getBody();
        assertThat(sales.post("/api/v1/estimates/" + created.path("id").asLong() + "/submit", "{}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        return created.path("number").asText();
    }
}
