package com.kis.estimator.platform.workflow.doors;

import static com.kis.estimator.platform.workflow.doors.CamundaDoors.CODE_IN_THE_SERVER;
import static com.kis.estimator.platform.workflow.doors.CamundaDoors.deploy;
import static com.kis.estimator.platform.workflow.doors.CamundaDoors.oneStep;
import static com.kis.estimator.platform.workflow.doors.CamundaDoors.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.platform.workflow.doors.CamundaDoors.Answer;
import com.kis.estimator.platform.workflow.doors.CamundaDoors.WebappSession;

/**
 * The attacks of issue 18 through Camunda's own doors on the embedded default (demo users, HTTP Basic on
 * {@code /engine-rest}, Camunda's login for Tasklist): each is refused and changes nothing, and what is allowed
 * still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineDoorsEmbeddedTest {

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("kis-doors-");
        registry.add("kis.data-dir", dataDir::toString);
        // no model is needed here; it would only cost start-up time
        registry.add("kis.ai.synthetic-history", () -> "0");
    }

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;
    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;

    private ProcessEngine registeredBefore;

    @BeforeEach
    void thisContextsEngine() {
        // Camunda's webapps and /engine-rest find their engine in a JVM-wide registry shared by the test contexts
        registeredBefore = ProcessEngines.getProcessEngine(engine.getName());
        ProcessEngines.registerProcessEngine(engine);
    }

    @AfterEach
    void theEngineRegisteredBefore() {
        // the other contexts' tests call /engine-rest of their own application
        if (registeredBefore != null && registeredBefore != engine) {
            ProcessEngines.registerProcessEngine(registeredBefore);
        }
    }

    @Test
    void aSalespersonCannotDeployAndTheCodeNeverRuns() {
        String key = uniqueKey("sales-attack");
        ResponseEntity<JsonNode> answer = deploy(as("sales1"), key, oneStep(key, CODE_IN_THE_SERVER));

        assertThat(answer.getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
        String plain = uniqueKey("sales-plain");
        assertThat(deploy(as("sales1"), plain, oneStep(plain, "${true}")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(plain).count()).isZero();
    }

    @Test
    void anAnalystDeploysPlainModelsButNoCodeAndEachDeploymentIsAudited() {
        String attack = uniqueKey("analyst-attack");
        ResponseEntity<JsonNode> refused = deploy(as("analyst1"), attack, oneStep(attack, CODE_IN_THE_SERVER));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains("serviceTask 'Run'", "not allowed",
                "배포할 수 없는 모델");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(attack).count()).isZero();

        String plain = uniqueKey("analyst-plain");
        ResponseEntity<JsonNode> deployed = deploy(as("analyst1"), plain, oneStep(plain, "${true}"));

        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(plain).count()).isOne();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'model.deploy' "
                + "AND user_id = 'analyst1' AND target = ? AND detail LIKE ?", Integer.class, plain,
                plain + ".bpmn sha256:%")).isOne();

        // a deployment without a name is audited under its id
        String unnamed = uniqueKey("analyst-unnamed");
        ResponseEntity<JsonNode> withoutName = CamundaDoors.deployFile(as("analyst1"), null, unnamed + ".bpmn",
                oneStep(unnamed, "${true}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(withoutName.getStatusCode()).as(String.valueOf(withoutName.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'model.deploy' "
                + "AND target = ?", Integer.class, withoutName.getBody().path("id").asText())).isOne();
    }

    @Test
    void aCompletionThatForgesTheFactsIsRefusedAndTheTaskStaysOpen() {
        String number = submittedEstimate();
        Task approve = approveTask(number);

        ResponseEntity<JsonNode> forged = as("approver1").postForEntity("/engine-rest/task/" + approve.getId() + "/complete",
                json("{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"owner\":{\"value\":\"someone else\"}}}"),
                JsonNode.class);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(forged.getBody().path("message").asText()).contains("owner", "입력할 수 없는 값");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isOne();
        assertThat(status(number)).isEqualTo("SUBMITTED");
        assertThat(engine.getRuntimeService().getVariable(approve.getProcessInstanceId(), "owner")).isEqualTo("sales1");
    }

    @Test
    void theOwnerAndOperationsCannotDecideAnApprovalThroughEngineRest() {
        String number = submittedEstimate();
        Task approve = approveTask(number);
        String complete = "/engine-rest/task/" + approve.getId() + "/complete";
        String decision = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";

        assertThat(as("sales1").postForEntity(complete, json(decision), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ops1").postForEntity(complete, json(decision), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isOne();
        assertThat(status(number)).isEqualTo("SUBMITTED");
    }

    @Test
    void anApproverDecidesThroughEngineRestWithTheFormsFieldsAndRuleRefusalsAreReadable() {
        String number = submittedEstimate();
        Task approve = approveTask(number);
        String complete = "/engine-rest/task/" + approve.getId() + "/complete";

        ResponseEntity<JsonNode> noComment = as("approver1").postForEntity(complete,
                json("{\"variables\":{\"decision\":{\"value\":\"REJECT\"}}}"), JsonNode.class);
        assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noComment.getBody().path("message").asText()).contains("a comment is required", "의견")
                .doesNotContain("ENGINE-");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isOne();

        ResponseEntity<JsonNode> approved = as("approver1").postForEntity(complete,
                json("{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"ok\"}}}"),
                JsonNode.class);
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isZero();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'engine.change' "
                + "AND user_id = 'approver1' AND target = ? AND outcome = 'ok:204'", Integer.class, "POST " + complete))
                .isOne();
    }

    @Test
    void tasklistCompletesWithTheFormAsItIsButNotWithAForgedFieldNorWithoutItsCsrfToken() throws Exception {
        String number = submittedEstimate();
        Task approve = approveTask(number);
        WebappSession tasklist = WebappSession.signIn(port, "approver1");
        String submit = "/camunda/api/engine/engine/default/task/" + approve.getId() + "/submit-form";
        // what Tasklist sends: every keyed field of the form, the shown ones as it read them
        JsonNode variables = tasklist.get("/camunda/api/engine/engine/default/task/" + approve.getId()
                + "/form-variables").json();
        String shown = "\"estimateNumber\":{\"value\":\"" + variables.path("estimateNumber").path("value").asText()
                + "\"},\"marginPercent\":{\"value\":" + variables.path("marginPercent").path("value").asText() + "}";

        Answer forged = tasklist.post(submit, "{\"variables\":{" + shown + ",\"decision\":{\"value\":\"APPROVE\"},"
                + "\"total\":{\"value\":1}}}", true);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().path("message").asText()).contains("total");

        Answer changedShownField = tasklist.post(submit, "{\"variables\":{\"estimateNumber\":{\"value\":\"EST-X\"},"
                + "\"decision\":{\"value\":\"APPROVE\"}}}", true);
        assertThat(changedShownField.status()).isEqualTo(400);

        // a page of another site posting with the approver's cookies has no CSRF token (Camunda then ends that session)
        Answer withoutCsrf = WebappSession.signIn(port, "approver1").post(submit,
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", false);
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isOne();

        Answer completed = tasklist.post(submit, "{\"variables\":{" + shown + ",\"decision\":{\"value\":\"APPROVE\"},"
                + "\"comment\":{\"value\":null}}}", true);
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM shared.audit_logs WHERE action = 'webapp.change' "
                + "AND user_id = 'approver1' AND target = ?", Integer.class, "POST " + submit)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nobodyButOperationsChangesARunningApprovalsVariablesMessagesOrPathAndOperationsRetryJobs() {
        String number = submittedEstimate();
        Task approve = approveTask(number);
        String instance = "/engine-rest/process-instance/" + approve.getProcessInstanceId();

        for (String user : java.util.List.of("sales1", "approver1", "analyst1")) {
            assertThat(as(user).exchange(instance + "/variables/owner", org.springframework.http.HttpMethod.PUT,
                    json("{\"value\":\"" + user + "-forged\"}"), JsonNode.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).postForEntity(instance + "/modification", json("{\"instructions\":[{\"type\":"
                    + "\"startBeforeActivity\",\"activityId\":\"MarkApproved\"}]}"), JsonNode.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).postForEntity("/engine-rest/message", json("{\"messageName\":\"EstimateWithdrawn\","
                    + "\"businessKey\":\"" + number + "\"}"), JsonNode.class).getStatusCode().is2xxSuccessful())
                    .as(user).isFalse();
        }

        assertThat(engine.getRuntimeService().getVariable(approve.getProcessInstanceId(), "owner")).isEqualTo("sales1");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).count()).isOne();
        assertThat(status(number)).isEqualTo("SUBMITTED");

        // operations retry jobs (here the approval's SLA timer), which is how an incident is resolved in Cockpit
        String job = engine.getManagementService().createJobQuery().processInstanceId(approve.getProcessInstanceId())
                .timers().singleResult().getId();
        String retries = "/engine-rest/job/" + job + "/retries";
        assertThat(as("approver1").exchange(retries, org.springframework.http.HttpMethod.PUT, json("{\"retries\":5}"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ops1").exchange(retries, org.springframework.http.HttpMethod.PUT, json("{\"retries\":5}"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getManagementService().createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(5);
    }

    @Test
    void theReviseTaskIsCompletedByTheApplicationOnly() {
        String number = submittedEstimate();
        Task approve = approveTask(number);
        ResponseEntity<JsonNode> requested = as("approver1").postForEntity("/engine-rest/task/" + approve.getId()
                + "/complete", json("{\"variables\":{\"decision\":{\"value\":\"REQUEST_CHANGES\"},"
                + "\"comment\":{\"value\":\"더 싸게\"}}}"), JsonNode.class);
        assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        Task revise = awaitTask(number, "Revise");
        assertThat(revise.getAssignee()).isEqualTo("sales1");

        ResponseEntity<JsonNode> byOwner = as("sales1").postForEntity("/engine-rest/task/" + revise.getId() + "/complete",
                json("{}"), JsonNode.class);

        assertThat(byOwner.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(byOwner.getBody().path("message").asText()).contains("completed by the application only",
                "/api/v1/estimates/{id}/submit");
        assertThat(tasks.createTaskQuery().taskId(revise.getId()).count()).isOne();
        assertThat(as("sales2").getForEntity("/engine-rest/task/" + revise.getId(), JsonNode.class).getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    }

    @Test
    void aNewRoutingVersionServesOnlyOnceAnotherAdministratorReleasesIt() throws Exception {
        int serving = routingVersionOf(submittedEstimate());
        byte[] routing = Files.readAllBytes(Path.of("processes", "approval-routing.dmn"));

        ResponseEntity<JsonNode> deployed = CamundaDoors.deployFile(as("analyst1"), "routing-change",
                "approval-routing.dmn", routing);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        String newRouting = deployed.getBody().path("deployedDecisionDefinitions").fieldNames().next();
        Task release = tasks.createTaskQuery().processDefinitionKey("model-release")
                .processInstanceBusinessKey(newRouting).singleResult();
        assertThat(release.getName()).contains("approval-routing", "analyst1");
        assertThat(routingVersionOf(submittedEstimate())).as("the deployed version waits").isEqualTo(serving);

        String complete = "/engine-rest/task/" + release.getId() + "/complete";
        String decision = "{\"variables\":{\"releaseDecision\":{\"value\":\"RELEASE\"}}}";
        assertThat(as("analyst1").postForEntity(complete, json(decision), JsonNode.class).getStatusCode())
                .as("the deployer is no administrator").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> released = as("admin").postForEntity(complete, json(decision), JsonNode.class);
        assertThat(released.getStatusCode()).as(String.valueOf(released.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(routingVersionOf(submittedEstimate())).isEqualTo(serving + 1);

        // an administrator's own version needs another administrator
        ResponseEntity<JsonNode> byAdmin = CamundaDoors.deployFile(as("admin"), "routing-by-admin",
                "approval-routing.dmn", routing);
        String adminsRouting = byAdmin.getBody().path("deployedDecisionDefinitions").fieldNames().next();
        Task ownRelease = tasks.createTaskQuery().processDefinitionKey("model-release")
                .processInstanceBusinessKey(adminsRouting).singleResult();
        ResponseEntity<JsonNode> refused = as("admin").postForEntity("/engine-rest/task/" + ownRelease.getId()
                + "/complete", json(decision), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().path("message").asText()).contains("another administrator");
        assertThat(routingVersionOf(submittedEstimate())).isEqualTo(serving + 1);
    }

    private int routingVersionOf(String number) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), "routingVersion")).intValue();
    }

    @Test
    void camundaAdminSetupIsClosed() throws Exception {
        ResponseEntity<JsonNode> setup = http.postForEntity("/camunda/api/admin/setup/default/user/create",
                json("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder1\"}}"), JsonNode.class);

        assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
    }

    @Test
    void variablesDeserializeOnlyTheTypesCamundaAllows() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();

        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.getDeserializationTypeValidator().validate("java.util.ArrayList")).isTrue();
        for (String gadget : java.util.List.of("java.net.URL", "javax.naming.InitialContext",
                "org.springframework.beans.factory.config.PropertyPathFactoryBean", "com.kis.estimator.security.Caller")) {
            assertThat(configuration.getDeserializationTypeValidator().validate(gadget)).as(gadget).isFalse();
        }
    }

    private String submittedEstimate() {
        JsonHttp sales = new JsonHttp(as("sales1"));
        JsonNode created = sales.post("/api/v1/estimates",
                "{\"customerCode\":\"C-DAESUNG\",\"items\":[{\"productCode\":\"MCCB-3P-30\",\"quantity\":4}]}").getBody();
        ResponseEntity<JsonNode> submitted = sales.post("/api/v1/estimates/" + created.path("id").asLong() + "/submit", "{}");
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return created.path("number").asText();
    }

    private Task approveTask(String number) {
        return awaitTask(number, "Approve");
    }

    private Task awaitTask(String number, String definitionKey) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(definitionKey)
                    .singleResult();
            if (task != null) {
                return task;
            }
            sleep();
        }
        throw new AssertionError("no " + definitionKey + " task for " + number);
    }

    private String status(String number) {
        return jdbc().queryForObject("SELECT status FROM estimator.estimates WHERE number = ?", String.class, number);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
