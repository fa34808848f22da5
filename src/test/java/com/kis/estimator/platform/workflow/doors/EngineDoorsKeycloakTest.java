package com.kis.estimator.platform.workflow.doors;

import static com.kis.estimator.platform.workflow.doors.CamundaDoors.CODE_IN_THE_SERVER;
import static com.kis.estimator.platform.workflow.doors.CamundaDoors.deploy;
import static com.kis.estimator.platform.workflow.doors.CamundaDoors.oneStep;
import static com.kis.estimator.platform.workflow.doors.CamundaDoors.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.SubmittedEstimates;
import com.kis.estimator.TestTokens;

/**
 * The attacks of issue 18 through {@code /engine-rest} in production: Keycloak tokens of the test realm (an
 * approver's with its second factor), PostgreSQL, Camunda's authorizations as granted from the policy table.
 */
@PostgresIntegrationTest
class EngineDoorsKeycloakTest {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void thisContextsEngine() {
        // /engine-rest finds its engine in a JVM-wide registry, which other test contexts may have changed
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void onlyAnalystsDeployAndNeverCode() {
        String plain = uniqueKey("prod-sales");
        assertThat(deploy(as("sales1"), plain, oneStep(plain, "${true}")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy(as("ops1"), plain, oneStep(plain, "${true}")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String attack = uniqueKey("prod-analyst");
        ResponseEntity<JsonNode> refused = deploy(as("analyst1"), attack, oneStep(attack, CODE_IN_THE_SERVER));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(attack).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(plain).count()).isZero();

        // the analyst role without a second factor (a service account): deploying needs one, as approving does
        ResponseEntity<JsonNode> noSecondFactor = deploy(JsonHttp.withToken(rest,
                TestTokens.ofClient(KeycloakTestServer.NO_MFA_CLIENT)), plain, oneStep(plain, "${true}"));
        assertThat(noSecondFactor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noSecondFactor.getBody().path("message").asText()).contains("second factor");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(plain).count()).isZero();

        ResponseEntity<JsonNode> deployed = deploy(as("analyst1"), plain, oneStep(plain, "${true}"));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(plain).count()).isOne();
    }

    @Test
    void operationsAndTheServiceAccountCannotDecideAndAnApproverCannotForge() {
        Task approve = submittedApproval();
        String complete = "/engine-rest/task/" + approve.getId() + "/complete";
        String decision = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";

        assertThat(as("ops1").postForEntity(complete, json(decision), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String serviceToken = TestTokens.grant(Map.of("grant_type", "client_credentials", "client_id",
                TestTokens.API_CLIENT, "client_secret", TestTokens.API_CLIENT_SECRET)).body().path("access_token").asText();
        assertThat(JsonHttp.withToken(rest, serviceToken).postForEntity(complete, json(decision), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // a service account with the approver role: the right group, but no second factor
        ResponseEntity<JsonNode> noSecondFactor = JsonHttp.withToken(rest,
                TestTokens.ofClient(KeycloakTestServer.NO_MFA_CLIENT)).postForEntity(complete, json(decision), JsonNode.class);
        assertThat(noSecondFactor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noSecondFactor.getBody().path("message").asText()).contains("second factor", "2단계 인증");
        ResponseEntity<JsonNode> forged = as("approver1").postForEntity(complete, json(
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"owner\":{\"value\":\"approver1-not\"},"
                        + "\"level\":{\"value\":\"director\"}}}"), JsonNode.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(forged.getBody().path("message").asText()).contains("level", "owner");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isOne();

        ResponseEntity<JsonNode> decided = as("approver1").postForEntity(complete, json(decision), JsonNode.class);
        assertThat(decided.getStatusCode()).as(String.valueOf(decided.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private Task submittedApproval() {
        return tasks.createTaskQuery().processInstanceBusinessKey(SubmittedEstimates.submitted(rest, "T-DOOR"))
                .taskDefinitionKey("Approve").singleResult();
    }

    private TestRestTemplate as(String user) {
        return JsonHttp.signedIn(rest, user);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
