package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;
import com.kis.estimator.RedisFreeze;

import redis.embedded.Redis;

/**
 * Ops' incident routine in Cockpit (docs/operations.md): Redis hangs while an ERP import takes its source's lock,
 * the step fails its retries and becomes an incident; once Redis answers again, ops find the incident from the
 * dashboard, read why, retry it, and the import goes on to the end. The screenshots of docs/operations.md come
 * from this test (target/browser/cockpit-incident-*.png).
 */
class ErpImportIncidentInCockpitTest extends EmbeddedInChromium {

    @Autowired Redis redis;

    @Test
    void opsRetryAnImportThatFailedWhileRedisHungAndItGoesOn() {
        String code = Long.toString(System.nanoTime(), 36).toUpperCase() + "-1";
        String importId;
        String instance;
        try (RedisFreeze hung = RedisFreeze.of(redis)) {
            JsonNode accepted = upload(code);
            importId = accepted.path("importId").asText();
            instance = accepted.path("processInstanceId").asText();
            failedItsRetries(instance);
        }

        Chromium.Steps steps = browser("cockpit-incident").signIn("cockpit", "ops1")
                .step("dashboard").step("screenshot", "name", "1-dashboard")
                .step("incidents", "processKey", "erp-import").step("screenshot", "name", "2-incidents")
                .step("openRetry", "processInstanceId", instance).step("screenshot", "name", "3-retry")
                .step("confirmRetry").run();

        assertThat(steps.last("dashboard").path("openIncidents").asInt()).isPositive();
        JsonNode shown = find(steps.last("incidents").path("incidents"), instance);
        assertThat(shown.path("activity").asText()).isEqualTo("Take the source lock");
        assertThat(shown.path("message").asText()).startsWith("Redis 응답 없음 (Redis unavailable)")
                .contains("products", importId, "Retry this step once Redis answers");
        assertThat(steps.last("confirmRetry").path("said").asText()).contains("incremented successfully");

        Await.until("import " + importId + " completed after the retry",
                () -> state(importId).equals("COMPLETED") ? true : null);
        assertThat(api("admin").get("/api/v1/products/" + code).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    /** A new product in an import file, uploaded as ops do; accepted while Redis hangs (the limits fail open). */
    private JsonNode upload(String code) {
        String file = "product_code,name,spec,category,unit,list_price,cost,active\n"
                + code + ",Incident drill,,CAT,EA,100,50,Y\n";
        ResponseEntity<JsonNode> accepted = upload("ops1", "/api/v1/erp/import?type=products", "file", code + ".csv",
                file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return accepted.getBody();
    }

    /**
     * Waits until the lock step has failed all its retries (an incident). The engine waits a minute between
     * attempts (R3/PT1M); after each failure the job is made due at once, as if that minute had passed.
     */
    private void failedItsRetries(String instance) {
        ManagementService management = engine.getManagementService();
        Await.until("an incident on " + instance, () -> {
            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance)
                    .singleResult();
            if (incident != null) {
                return incident;
            }
            Job job = management.createJobQuery().processInstanceId(instance).singleResult();
            if (job != null && job.getExceptionMessage() != null && job.getDuedate().after(new Date())) {
                try {
                    management.setJobDuedate(job.getId(), new Date());
                } catch (OptimisticLockingException executorWasFaster) {
                    // the job executor took the job meanwhile: the next look sees how that went
                }
            }
            return null;
        });
    }

    private static JsonNode find(JsonNode incidents, String instance) {
        for (JsonNode incident : incidents) {
            if (incident.path("processInstance").asText().equals(instance)) {
                return incident;
            }
        }
        throw new AssertionError("no incident of " + instance + " in Cockpit: " + incidents);
    }

    private String state(String importId) {
        return api("ops1").get("/api/v1/erp/sync/" + importId).getBody().path("state").asText();
    }
}
