package com.kis.estimator.approval;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.identity.CallerAuthentication;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.PublishedEvents;
import com.kis.estimator.estimate.EstimateApproved;
import com.kis.estimator.estimate.drafting.Draft;
import com.kis.estimator.estimate.drafting.EstimateDrafting;
import com.kis.estimator.platform.web.ApiProblemException;

/**
 * The approval process on PostgreSQL through the submit API and Camunda's task service, as Tasklist completes
 * tasks: routing by the DMN, one and three levels, reject, request changes and resubmit, withdraw, and the
 * rules that cannot be bypassed.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalProcessTest {

    private static final int RACE_ROUNDS = 10;

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private final String small = "T-AP-S-" + run;
    private final String big = "T-AP-B-" + run;
    private final String customer = "T-AP-C-" + run;

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired EstimateDrafting drafting;
    @Autowired ApprovalDecisions decisions;
    @Autowired ApprovalSubmission submission;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;

    JsonHttp http() {
        return JsonHttp.as(rest, "sales1");
    }

    /** Catalog changes are for administrators. */
    JsonHttp admin() {
        return JsonHttp.as(rest, "admin");
    }

    @BeforeAll
    void catalog() {
        admin().post("/api/v1/products", """
                {"code":"%s","name":"소형 품목","category":"T-AP","unit":"EA","listPrice":100000,"cost":60000}""".formatted(small));
        admin().post("/api/v1/products", """
                {"code":"%s","name":"대형 품목","category":"T-AP","unit":"EA","listPrice":60000000,"cost":40000000}""".formatted(big));
        admin().post("/api/v1/customers", """
                {"code":"%s","name":"(주)승인시험","businessRegistrationNumber":"124-81-00998","tier":"B"}""".formatted(customer));
    }

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void smallEstimateNeedsOneApproverAndBecomesApproved() {
        PublishedEvents events = PublishedEvents.start(context);
        long id = estimate(small, 1, null);

        ProcessInstance process = submit(id);

        assertThat(process).isWaitingAt("Approve");
        Task task = openTask(process);
        assertThat(task).hasCandidateGroup("approver");
        assertThat(task.getName()).contains(number(id), "(주)승인시험", "110,000원", "approver");
        assertThat((String) runtime.getVariable(process.getId(), "waterfall"))
                .isEqualTo("1. " + small + " 소형 품목 × 1: 100,000 = 100,000원 (마진 40%)");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        // the routing's rows become approvalLevels in the decision's output mapping, not a variable of their own
        assertThat(runtime.getVariable(process.getId(), "approvalLevels")).asList().containsExactly("approver");
        assertThat(runtime.getVariables(process.getId())).doesNotContainKey("routing");

        decide(task, "approver1", "APPROVE", null);

        assertThat(process).hasPassed("MarkApproved").isWaitingAt("ValidityEnds");
        assertThat(statusAfterJobs(id, "APPROVED")).isEqualTo("APPROVED");
        assertThat(events.of(EstimateApproved.class)).singleElement()
                .satisfies(approved -> assertThat(approved.number()).isEqualTo(number(id)));
        events.stop();
        JsonNode approvals = http().get("/api/v1/estimates/" + id + "/approvals").getBody();
        assertThat(approvals.findValuesAsText("approver")).containsExactly("approver1");
        assertThat(approvals.findValuesAsText("decision")).containsExactly("APPROVE");
        assertThat(rest.getForObject("/actuator/prometheus", String.class)).contains("kis_approvals_open",
                "kis_approvals_overdue", "kis_approval_decision_seconds_count{application=\"kis-estimator\",decision=\"approve\",level=\"approver\"}");
        // full history, without a row per variable write (NoVariableUpdateDetails)
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("decision").singleResult().getValue()).isEqualTo("APPROVE");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(process.getId()).count()).isOne();
        assertThat(history.createHistoricDetailQuery().processInstanceId(process.getId()).variableUpdates().count())
                .isZero();
    }

    @Test
    void onlyApprovedEstimatesAreSentAndOnlySentOnesWonOrLost() {
        long draft = estimate(small, 1, null);
        assertProblem(http().post("/api/v1/estimates/" + draft + "/send", "{}"), HttpStatus.CONFLICT, "/problems/conflict");
        assertProblem(http().post("/api/v1/estimates/" + draft + "/outcome", "{\"outcome\":\"WON\"}"),
                HttpStatus.CONFLICT, "/problems/conflict");

        long id = estimate(small, 1, null);
        decide(openTask(submit(id)), "approver1", "APPROVE", null);
        assertProblem(http().post("/api/v1/estimates/" + id + "/outcome", "{\"outcome\":\"WON\"}"),
                HttpStatus.CONFLICT, "/problems/conflict");
        assertThat(http().post("/api/v1/estimates/" + id + "/send", "{}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(http().put("/api/v1/estimates/" + id, """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":2}]}""".formatted(customer, small))
                .getStatusCode()).as("no change after approval").isEqualTo(HttpStatus.CONFLICT);

        assertProblem(http().post("/api/v1/estimates/" + id + "/outcome", "{\"outcome\":\"MAYBE\"}"),
                HttpStatus.BAD_REQUEST, "/problems/validation");
        assertProblem(http().post("/api/v1/estimates/" + id + "/outcome", "{\"outcome\":\"LOST\"}"),
                HttpStatus.BAD_REQUEST, "/problems/validation");
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(http().post("/api/v1/estimates/" + id + "/outcome", "{\"outcome\":\"LOST\",\"reason\":\"경쟁사 단가\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(id)).isEqualTo("LOST");
    }

    @Test
    void largeEstimateGoesThroughApproverManagerAndDirectorInOrder() {
        long id = estimate(big, 1, null);
        ProcessInstance process = submit(id);

        Task first = openTask(process);
        assertThat(first).hasCandidateGroup("approver");
        decide(first, "approver1", "APPROVE", null);
        Task second = openTask(process);
        assertThat(second).hasCandidateGroup("manager");
        decide(second, "manager1", "APPROVE", "적정");
        Task third = openTask(process);
        assertThat(third).hasCandidateGroup("director");
        decide(third, "director1", "APPROVE", null);

        assertThat(process).isWaitingAt("ValidityEnds");
        assertThat(statusAfterJobs(id, "APPROVED")).isEqualTo("APPROVED");
        assertThat(http().get("/api/v1/estimates/" + id + "/approvals").getBody().findValuesAsText("group"))
                .containsExactly("approver", "manager", "director");
    }

    @Test
    void approversFindTheirTasksThroughTheTasklistFiltersAndOverdueOnesSeparately() {
        long id = estimate(small, 1, null);
        Task task = openTask(submit(id));
        assertThat(task.getDueDate()).isInTheFuture();
        Filter mine = engine.getFilterService().createTaskFilterQuery().filterName("My group's approvals").singleResult();
        Filter overdue = engine.getFilterService().createTaskFilterQuery().filterName("Overdue approvals").singleResult();

        assertThat(tasksOf(mine, "approver1", "approver")).contains(task.getId());
        assertThat(tasksOf(mine, "manager1", "manager")).doesNotContain(task.getId());
        assertThat(tasksOf(overdue, "approver1", "approver")).doesNotContain(task.getId());

        tasks.setDueDate(task.getId(), Date.from(Instant.now().minusSeconds(60)));
        assertThat(tasksOf(overdue, "approver1", "approver")).contains(task.getId());
    }

    /** What Tasklist shows the signed-in user in that filter. */
    private List<String> tasksOf(Filter filter, String user, String group) {
        identity.setAuthentication(user, List.of(group));
        try {
            return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void missedSlaFlagsTheTaskOverdueAndAddsTheNextLevel() {
        long id = estimate(small, 1, null);
        ProcessInstance process = submit(id);
        Task task = openTask(process);
        Job sla = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(sla.getDuedate()).isCloseTo(task.getDueDate(), 60_000);

        runJobsUntil(process, () -> Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), "overdue")));

        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
                .contains("approver", "manager");
        assertThat(openTask(process).getPriority()).isEqualTo(80);
        assertThat(process).isWaitingAt("Approve");
        decide(openTask(process), "manager1", "APPROVE", "대신 승인");
        assertThat(statusAfterJobs(id, "APPROVED")).isEqualTo("APPROVED");
    }

    @Test
    void approvedEstimateExpiresWhenItsValidityEndsButAWonOneStaysWon() {
        long open = estimate(small, 1, null);
        ProcessInstance openProcess = submit(open);
        decide(openTask(openProcess), "approver1", "APPROVE", null);
        long won = estimate(small, 1, null);
        ProcessInstance wonProcess = submit(won);
        decide(openTask(wonProcess), "approver1", "APPROVE", null);
        http().post("/api/v1/estimates/" + won + "/send", "{}");
        http().post("/api/v1/estimates/" + won + "/outcome", "{\"outcome\":\"WON\"}");
        assertThat(openProcess).isWaitingAt("ValidityEnds");

        runJobsUntil(openProcess, () -> runtime.createProcessInstanceQuery().processInstanceId(openProcess.getId()).count() == 0);
        runJobsUntil(wonProcess, () -> runtime.createProcessInstanceQuery().processInstanceId(wonProcess.getId()).count() == 0);

        assertThat(status(open)).isEqualTo("EXPIRED");
        assertThat(status(won)).isEqualTo("WON");
    }

    /** Runs the process's due-or-not jobs (timers, async steps) until the condition holds, as time passing would. */
    private void runJobsUntil(ProcessInstance process, BooleanSupplier condition) {
        runJobsUntil(process.getId(), condition);
    }

    private void runJobsUntil(String processInstanceId, BooleanSupplier condition) {
        var management = engine.getManagementService();
        for (int round = 0; round < 50 && !condition.getAsBoolean(); round++) {
            for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException takenByTheJobExecutor) {
                    // the application's own job executor may have run it first
                }
            }
            if (!condition.getAsBoolean()) {
                sleep(100);
            }
        }
        assertThat(condition.getAsBoolean()).as("condition reached by running the jobs").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void approveApiDecidesTheCallersTaskUnderTheSameRules() {
        long id = estimate(small, 1, null);
        ProcessInstance process = submit(id);

        assertThatThrownBy(() -> signedIn("approver1",
                () -> decisions.decide(id, "approver1", List.of("approver"), "REQUEST_CHANGES", null)))
                .isInstanceOf(ApiProblemException.class).hasMessageContaining("comment is required");
        assertProblem(JsonHttp.as(rest, "manager1").post("/api/v1/estimates/" + id + "/approve",
                "{\"decision\":\"APPROVE\"}"), HttpStatus.NOT_FOUND, "/problems/not-found");
        assertProblem(http().post("/api/v1/estimates/" + id + "/approve", "{\"decision\":\"APPROVE\"}"),
                HttpStatus.FORBIDDEN, "/problems/forbidden");
        JsonHttp approver = JsonHttp.as(rest, "approver1");
        assertProblem(approver.post("/api/v1/estimates/" + id + "/approve", "{\"decision\":\"MAYBE\"}"),
                HttpStatus.BAD_REQUEST, "/problems/validation");
        assertThat(process).isWaitingAt("Approve");

        ResponseEntity<JsonNode> approved = approver.post("/api/v1/estimates/" + id + "/approve",
                "{\"decision\":\"APPROVE\",\"comment\":\"확인\"}");

        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(statusAfterJobs(id, "APPROVED")).isEqualTo("APPROVED");
        assertThat(http().get("/api/v1/estimates/" + id + "/approvals").getBody().findValuesAsText("approver"))
                .containsExactly("approver1");
    }

    /**
     * Users and their group in Camunda's identity for this test, if not there yet (a webapp login mirrors
     * Keycloak users into it); returns an undo that removes the users and memberships it added.
     */
    private Runnable members(String group, String... users) {
        List<Runnable> undo = new ArrayList<>();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var created = identity.newGroup(group);
            created.setName(group);
            // Kept afterwards: deleting a group would delete the authorizations granted to it at start.
            identity.saveGroup(created);
        }
        for (String id : users) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setPassword("test-only-" + run);
                identity.saveUser(user);
                undo.add(0, () -> identity.deleteUser(id));
            }
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
                undo.add(0, () -> identity.deleteMembership(id, group));
            }
        }
        return () -> undo.forEach(Runnable::run);
    }

    /**
     * Several rounds, because the two decisions can meet at different moments: both before either commits (the
     * engine's optimistic lock or the record's unique task id decides), or one after the other has finished
     * (the task is gone, or its variables are).
     */
    @Test
    void twoApproversDecidingTheSameTaskAtOnceOneWinsTheOtherGets409() throws Exception {
        Runnable cleanUp = members("approver", "approver1", "approver2");
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                long id = estimate(small, 1, null);
                submit(id);
                var start = new CountDownLatch(1);
                var results = Stream.of("approver1", "approver2").map(user -> pool.submit(() -> {
                    start.await();
                    try {
                        signedIn(user, () -> decisions.decide(id, user, "APPROVE", null));
                        return "ok";
                    } catch (ApiProblemException refused) {
                        return String.valueOf(refused.status().value());
                    }
                })).toList();
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (var result : results) {
                    outcomes.add(result.get());
                }

                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("ok", "409");
                assertThat(http().get("/api/v1/estimates/" + id + "/approvals").getBody()).hasSize(1);
                assertThat(statusAfterJobs(id, "APPROVED")).isEqualTo("APPROVED");
            }
        } finally {
            pool.shutdown();
            cleanUp.run();
        }
    }

    /**
     * The second approver's completion starts while the first's is done but not yet committed: it waits for the
     * first to commit and is then told who decided, rather than going on with what the first has since removed.
     */
    @Test
    void aDecisionArrivingWhileAnotherCommitsWaitsForItAndIsToldWhoDecided() throws Exception {
        Runnable cleanUp = members("approver", "approver1", "approver2");
        var pool = Executors.newFixedThreadPool(2);
        try {
            long id = estimate(small, 1, null);
            submit(id);
            var firstDone = new CountDownLatch(1);
            var commitFirst = new CountDownLatch(1);
            var first = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                signedIn("approver1", () -> decisions.decide(id, "approver1", "APPROVE", "확인"));
                firstDone.countDown();
                awaitQuietly(commitFirst);
            }));
            assertThat(firstDone.await(60, TimeUnit.SECONDS)).as("the first decision is made").isTrue();
            var second = pool.submit(() -> {
                try {
                    signedIn("approver2", () -> decisions.decide(id, "approver2", "APPROVE", null));
                    return null;
                } catch (ApiProblemException refused) {
                    return refused;
                }
            });
            for (int tries = 0; tries < 100 && !aSessionWaitsForALock(); tries++) {
                sleep(50);
            }
            commitFirst.countDown();
            first.get();

            ApiProblemException refused = second.get();
            assertThat(refused).as("the second decision is refused").isNotNull();
            assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused).hasMessage("approver1 decided this approval a moment ago (APPROVE)");
            assertThat(http().get("/api/v1/estimates/" + id + "/approvals").getBody().findValuesAsText("approver"))
                    .containsExactly("approver1");
            assertThat(statusAfterJobs(id, "APPROVED")).isEqualTo("APPROVED");
        } finally {
            pool.shutdown();
            cleanUp.run();
        }
    }

    private boolean aSessionWaitsForALock() {
        return jdbc.queryForObject("SELECT count(*) > 0 FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'", Boolean.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void rejectionNeedsAReasonAndEndsTheApproval() {
        long id = estimate(small, 1, null);
        ProcessInstance process = submit(id);
        Task task = openTask(process);

        assertThatThrownBy(() -> decide(task, "approver1", "REJECT", " ")).hasMessageContaining("comment is required");
        assertThat(process).isWaitingAt("Approve");

        decide(task, "approver1", "REJECT", "가격 근거 부족");

        assertThat(process).isEnded().hasPassed("MarkRejected");
        assertThat(statusAfterJobs(id, "REJECTED")).isEqualTo("REJECTED");
        assertThat(http().get("/api/v1/estimates/" + id + "/revisions").getBody().path("history")
                .findValuesAsText("detail")).contains("가격 근거 부족");
    }

    @Test
    void requestedChangesAreRevisedResubmittedAndRoutedAgain() {
        long id = estimate(small, 1, null);
        ProcessInstance process = submit(id);
        decide(openTask(process), "approver1", "REQUEST_CHANGES", "수량 확인 바랍니다");

        assertThat(statusAfterJobs(id, "CHANGES_REQUESTED")).isEqualTo("CHANGES_REQUESTED");
        assertThat(process).isWaitingAt("Revise");

        // The owner revises: 600 units put the estimate above 50,000,000 won, so routing adds two levels.
        ResponseEntity<JsonNode> revised = http().put("/api/v1/estimates/" + id, """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":600}]}""".formatted(customer, small));
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http().post("/api/v1/estimates/" + id + "/submit", "{}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(process).isWaitingAt("Approve");
        assertThat(runtime.getVariable(process.getId(), "approvalLevels")).asList()
                .containsExactly("approver", "manager", "director");
        assertThat((String) runtime.getVariable(process.getId(), "changes")).contains("items[0].quantity: 1 → 600");
        assertThat((String) runtime.getVariable(process.getId(), "waterfall"))
                .contains("1. " + small + " 소형 품목 × 600: 100,000", "= 60,000,000원");
    }

    @Test
    void theOwnerCannotApproveTheirOwnEstimate() {
        long id = estimate(small, 1, "approver1");
        // An approver who also sells: the API would let only them submit it, so submit as they would.
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceId(submission.submit(id, "approver1")).singleResult();

        assertThatThrownBy(() -> decide(openTask(process), "approver1", "APPROVE", null))
                .hasMessageContaining("owns this estimate");

        assertThat(process).isWaitingAt("Approve");
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void onePersonCannotApproveTwoLevels() {
        long id = estimate(big, 1, null);
        ProcessInstance process = submit(id);
        // A manager who also stands in for approvers: in both groups, so Tasklist offers both levels.
        List<String> bothGroups = List.of("approver", "manager");
        decide(openTask(process), "manager1", bothGroups, "APPROVE", null);

        assertThatThrownBy(() -> decide(openTask(process), "manager1", bothGroups, "APPROVE", null))
                .hasMessageContaining("already approved");

        assertThat(openTask(process)).hasCandidateGroup("manager");
    }

    @Test
    void theOwnerWithdrawsASubmittedEstimate() {
        long id = estimate(small, 1, null);
        ProcessInstance process = submit(id);

        long draft = estimate(small, 1, null);
        assertProblem(http().post("/api/v1/estimates/" + draft + "/withdraw", "{}"), HttpStatus.CONFLICT, "/problems/conflict");
        assertProblem(http().post("/api/v1/estimates/987654321/submit", "{}"), HttpStatus.NOT_FOUND, "/problems/not-found");

        ResponseEntity<JsonNode> withdrawn = http().post("/api/v1/estimates/" + id + "/withdraw", "{}");

        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(process).isEnded().hasPassed("MarkWithdrawn");
        assertThat(status(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void onlyDraftsAreSubmittedAndStalePricesAreRefused() {
        long id = estimate(small, 1, null);
        submit(id);

        ResponseEntity<JsonNode> again = http().post("/api/v1/estimates/" + id + "/submit", "{}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("type").asText()).isEqualTo("/problems/conflict");

        String repriced = "T-AP-R-" + run;
        admin().post("/api/v1/products", """
                {"code":"%s","name":"변동 품목","category":"T-AP","unit":"EA","listPrice":1000,"cost":500}""".formatted(repriced));
        long stale = estimate(repriced, 1, null);
        admin().put("/api/v1/products/" + repriced, """
                {"name":"변동 품목","category":"T-AP","unit":"EA","listPrice":1100,"cost":500}""");
        ResponseEntity<JsonNode> refused = http().post("/api/v1/estimates/" + stale + "/submit", "{}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("type").asText()).isEqualTo("/problems/prices-stale");
        assertThat(status(stale)).isEqualTo("DRAFT");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number(stale)).count()).isZero();
    }

    private long estimate(String product, long quantity, String owner) {
        if (owner != null) {
            var priced = drafting.price(new Draft(customer, null, null, null,
                    List.of(new Draft.Line(product, BigDecimal.valueOf(quantity), null, null)), null));
            return drafting.create(priced, owner).estimate().getId();
        }
        ResponseEntity<JsonNode> created = http().post("/api/v1/estimates", """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":%d}]}""".formatted(customer, product, quantity));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private ProcessInstance submit(long id) {
        ResponseEntity<JsonNode> submitted = http().post("/api/v1/estimates/" + id + "/submit", "{}");
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return runtime.createProcessInstanceQuery()
                .processInstanceId(submitted.getBody().path("processInstanceId").asText()).singleResult();
    }

    private Task openTask(ProcessInstance process) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    /**
     * As {@code POST /approve} runs it: in a request whose caller signed in to Keycloak with a second factor
     * (approvers always give their TOTP code).
     */
    private static void signedIn(String user, Runnable decision) {
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(
                Caller.of(user, List.of(), List.of(user.replaceAll("\\d+$", "")), true), "test"));
        try {
            decision.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** As Tasklist does it: the signed-in user completes the task with the form's variables. */
    private void decide(Task task, String user, String decision, String comment) {
        // Tasklist signs in with the user's groups; the test users' group is their name without the digit.
        decide(task, user, List.of(user.replaceAll("\\d+$", "")), decision, comment);
    }

    private void decide(Task task, String user, List<String> groups, String decision, String comment) {
        // as the doors hand it over: Camunda's authentication, and the request's signed-in caller whose Keycloak
        // login used a second factor (approvers, managers and directors always give their TOTP code)
        identity.setAuthentication(user, groups);
        SecurityContextHolder.getContext().setAuthentication(
                new CallerAuthentication(Caller.of(user, List.of(), groups, true), "test"));
        try {
            Map<String, Object> variables = new HashMap<>(Map.of("decision", decision));
            variables.put("comment", comment);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
        settle(task.getProcessInstanceId());
    }

    /** Lets the asynchronous steps after a decision run, as the job executor would in a moment. */
    private void settle(String processInstanceId) {
        runJobsUntil(processInstanceId, () -> engine.getManagementService().createJobQuery()
                .processInstanceId(processInstanceId).messages().count() == 0);
    }

    /** As operations see it: ops may read every estimate, whoever owns it. */
    private String status(long id) {
        return JsonHttp.as(rest, "ops1").get("/api/v1/estimates/" + id).getBody().path("status").asText();
    }

    /** The status once the process's asynchronous steps after a decision have run (the job executor is on). */
    private String statusAfterJobs(long id, String expected) {
        for (int attempt = 0; attempt < 100 && !expected.equals(status(id)); attempt++) {
            sleep(100);
        }
        return status(id);
    }

    private String number(long id) {
        return http().get("/api/v1/estimates/" + id).getBody().path("number").asText();
    }
}
