package com.kis.estimator.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * An analyst decides a trained candidate in Tasklist ("Approve model"): activating it makes it the model that
 * scores, rejecting it leaves the serving one in place.
 */
class ModelApprovalInTasklistTest extends EmbeddedInChromium {

    private static final String DECISION_ACTIVATE = "적용 (Activate)";
    private static final String DECISION_REJECT = "반려 (Reject)";

    @Test
    void anAnalystActivatesOneCandidateAndRejectsAnother() {
        int activated = candidateWaitingForApproval();
        Chromium.Steps steps = browser("model-activate").signIn("tasklist", "analyst1").openFilter("All tasks")
                .openTask("Approve win model v" + activated).claim().choose(DECISION_ACTIVATE)
                .type("메모 (Comment)", "검증 데이터 확인").complete().run();

        JsonNode opened = steps.last("openTask");
        assertThat(opened.path("errors")).as("validation messages before the analyst types").isEmpty();
        assertThat(opened.at(field("후보 버전 (Candidate version)")).asText()).isEqualTo(String.valueOf(activated));
        assertThat(opened.at(field("후보 AUC (Candidate AUC)")).asText()).matches("0\\.\\d{1,4}");
        assertThat(steps.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until("model v" + activated + " serving", () -> serving() == activated ? true : null);

        int rejected = candidateWaitingForApproval();
        Chromium.Steps reject = browser("model-reject").signIn("tasklist", "analyst1").openFilter("All tasks")
                .openTask("Approve win model v" + rejected).claim().choose(DECISION_REJECT).complete().run();
        assertThat(reject.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until("model v" + rejected + " rejected", () -> status(rejected).equals("REJECTED") ? true : null);
        assertThat(serving()).isEqualTo(activated);
    }

    /** A training an analyst asked to approve by hand; answers the candidate's version once its task waits. */
    private int candidateWaitingForApproval() {
        ResponseEntity<JsonNode> requested = api("analyst1").post("/api/v1/ai/models/train",
                "{\"reason\":\"browser test\",\"approval\":true}");
        assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return Await.until("a candidate waiting for its analyst", () -> engine.getTaskService().createTaskQuery()
                .processDefinitionKey("model-training").taskDefinitionKey("ApproveModel").list().stream()
                .map(task -> (Integer) engine.getTaskService().getVariable(task.getId(), "candidateVersion"))
                .filter(version -> version != null && status(version).equals("CANDIDATE")).findFirst().orElse(null));
    }

    private int serving() {
        return api("analyst1").get("/api/v1/ai/models").getBody().path("serving").asInt();
    }

    private String status(int version) {
        for (JsonNode model : api("analyst1").get("/api/v1/ai/models").getBody().path("models")) {
            if (model.path("version").asInt() == version) {
                return model.path("status").asText();
            }
        }
        return "";
    }
}
