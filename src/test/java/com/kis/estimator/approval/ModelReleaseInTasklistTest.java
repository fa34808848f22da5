package com.kis.estimator.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * An analyst deploys a new approval routing from the Modeler; an administrator releases one version and rejects
 * another in Tasklist ("Release a model version"), and only the released one routes estimates.
 */
class ModelReleaseInTasklistTest extends EmbeddedInChromium {

    private static final String RELEASE = "배포 승인 (Release)";
    private static final String REJECT = "거절 (Reject)";

    @Test
    void anAdministratorReleasesOneRoutingVersionAndRejectsAnother() throws IOException {
        String released = deployedRouting("routing-release");
        Chromium.Steps release = browser("model-release").signIn("tasklist", "admin").openFilter("All tasks")
                .openTask(released).claim().choose(RELEASE).type("메모 (Comment)", "규칙 검토 완료").complete().run();

        assertThat(names(release.last("openFilter"))).anySatisfy(name ->
                assertThat(name).contains("approval-routing", "analyst1"));
        JsonNode opened = release.last("openTask");
        assertThat(opened.path("errors")).as("validation messages before the administrator types").isEmpty();
        assertThat(opened.at(field("배포한 사람 (Deployed by)")).asText()).isEqualTo("analyst1");
        assertThat(opened.at(field("파일과 SHA-256 (Files and their SHA-256)")).asText()).contains("approval-routing.dmn");
        assertThat(release.last("complete").path("status").asInt()).isEqualTo(204);
        int servedAfterRelease = servedRoutingVersion();
        assertThat(servedAfterRelease).isEqualTo(version(released));

        String rejected = deployedRouting("routing-reject");
        Chromium.Steps reject = browser("model-reject-release").signIn("tasklist", "admin").openFilter("All tasks")
                .openTask(rejected).claim().choose(REJECT).type("메모 (Comment)", "검토 전 배포").complete().run();
        assertThat(reject.last("complete").path("status").asInt()).isEqualTo(204);
        assertThat(servedRoutingVersion()).isEqualTo(servedAfterRelease);
    }

    /** Deploys processes/approval-routing.dmn as analyst1 through /engine-rest, as the Modeler does. */
    private String deployedRouting(String name) throws IOException {
        ResponseEntity<JsonNode> deployed = upload("analyst1", "/engine-rest/deployment/create", "data",
                "approval-routing.dmn", Files.readAllBytes(Path.of("processes", "approval-routing.dmn")),
                Map.of("deployment-name", name, "deployment-source", "modeler"));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        String definitionId = deployed.getBody().path("deployedDecisionDefinitions").fieldNames().next();
        Await.until("the release task of " + definitionId, () -> engine.getTaskService().createTaskQuery()
                .processDefinitionKey("model-release").processInstanceBusinessKey(definitionId).count() > 0 ? true : null);
        return engine.getTaskService().createTaskQuery().processDefinitionKey("model-release")
                .processInstanceBusinessKey(definitionId).singleResult().getName();
    }

    private int version(String taskName) {
        return Integer.parseInt(taskName.replaceAll(".*approval-routing v(\\d+).*", "$1"));
    }

    /** The routing version a new submission is bound to. */
    private int servedRoutingVersion() {
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        api("admin").post("/api/v1/products", """
                {"code":"RL-%1$s","name":"시험 품목","category":"BREAKER","unit":"EA","listPrice":100000,"cost":60000}"""
                .formatted(run));
        api("admin").post("/api/v1/customers", """
                {"code":"RLC-%1$s","name":"(주)시험","businessRegistrationNumber":"124-81-00998","tier":"B"}"""
                .formatted(run));
        JsonNode created = api("sales1").post("/api/v1/estimates", """
                {"customerCode":"RLC-%1$s","items":[{"productCode":"RL-%1$s","quantity":1}]}""".formatted(run)).getBody();
        api("sales1").post("/api/v1/estimates/" + created.path("id").asLong() + "/submit", "{}");
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(created.path("number").asText()).singleResult();
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), "routingVersion")).intValue();
    }
}
