package com.kis.estimator.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * Approvers in their own tool: Camunda Tasklist in Chromium, on the embedded default as the README starts it
 * (demo users, Camunda's login page, the model trained at start). Every outcome of the approval form is chosen
 * and completed by clicking, and the estimate's status is read back through the API.
 */
class ApprovalInTasklistTest extends EmbeddedInChromium {

    private static final String MY_APPROVALS = "My group's approvals";
    private static final String APPROVE = "승인 (Approve)";
    private static final String REJECT = "반려 (Reject)";
    private static final String REQUEST_CHANGES = "수정 요청 (Request changes)";
    private static final String COMMENT = "의견 (Comment; required to reject or request changes)";
    private static final String WIN = "수주 확률 (Win probability)";
    private static final String AI = "AI 평가 (AI assessment: win probability, what moved it, price anomalies)";

    @Test
    void anApproverReadsTheTaskInBusinessWordsAndApprovesIt() {
        Submitted estimate = submitted("sales1", 3);
        String number = estimate.number();

        Chromium.Steps steps = browser("tasklist-approve").signIn("tasklist", "approver1").openFilter(MY_APPROVALS)
                .openTask(number).claim().choose(APPROVE).complete().run();

        JsonNode signedIn = steps.last("signIn");
        assertThat(signedIn.at("/header/brand").asText()).contains("KIS 견적");
        assertThat(signedIn.at("/header/banners")).as("Camunda's migration banner").isEmpty();
        // the list says what the task is before it is opened: number, customer, amount, level
        assertThat(names(steps.last("openFilter"))).anySatisfy(name ->
                assertThat(name).contains(number, "(주)시험", "330,000원", "approver"));
        JsonNode opened = steps.last("openTask");
        assertThat(opened.path("errors")).as("validation messages before the approver types").isEmpty();
        assertThat(opened.at(field(WIN)).asText()).matches("\\d{1,3} % \\(모델 v\\d+\\)");
        String assessment = opened.at(field(AI)).asText();
        assertThat(assessment).contains("수주 확률 (win probability)", "견적 금액 (total) 330,000원",
                "가격 이상 없음 (no price anomalies)").containsAnyOf("높인 요인 (raised it)", "낮춘 요인 (lowered it)");
        assertThat(assessment).doesNotContain("logTotal", "marginPercent", "customerWinRate");
        assertThat(steps.last("choose").path("completeEnabled").asBoolean()).isTrue();
        assertThat(steps.last("complete").path("status").asInt()).isEqualTo(204);

        Await.until(number + " approved", () -> status(estimate).equals("APPROVED") ? true : null);
    }

    @Test
    void aRejectionNeedsACommentAndTheRefusalReadsInTheApproversWords() {
        Submitted estimate = submitted("sales1", 2);
        String number = estimate.number();

        Chromium.Steps steps = browser("tasklist-reject").signIn("tasklist", "approver1").openFilter(MY_APPROVALS)
                .openTask(number).claim().choose(REJECT).complete()
                .type(COMMENT, "단가가 계약과 다릅니다").complete().run();

        JsonNode refused = steps.at(5);
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("notifications").toString()).contains("의견을 적어야 합니다", "a comment is required")
                .doesNotContain("ENGINE-", "Exception");
        assertThat(steps.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until(number + " rejected", () -> status(estimate).equals("REJECTED") ? true : null);
    }

    @Test
    void requestedChangesReachTheOwnerWhoResubmitsThroughTheEstimator() {
        Submitted estimate = submitted("sales1", 2);
        String number = estimate.number();
        browser("tasklist-request-changes").signIn("tasklist", "approver1").openFilter(MY_APPROVALS).openTask(number)
                .claim().choose(REQUEST_CHANGES).type(COMMENT, "수량을 10개로 바꿔 주세요").complete().run();
        Await.until(number + " sent back", () -> status(estimate).equals("CHANGES_REQUESTED") ? true : null);

        // the owner reads the request in Tasklist; the task completes when the revised estimate is resubmitted
        Chromium.Steps owner = browser("tasklist-revise").signIn("tasklist", "sales1").openFilter("My tasks")
                .openTask(number).complete().run();
        JsonNode revise = owner.last("openTask");
        assertThat(revise.path("errors")).as("validation messages before the owner types").isEmpty();
        assertThat(revise.at(field("요청 내용 (What the approver asked for)")).asText())
                .isEqualTo("수량을 10개로 바꿔 주세요");
        assertThat(revise.at(field("요청자 (Requested by)")).asText()).isEqualTo("approver1");
        JsonNode completed = owner.last("complete");
        assertThat(completed.path("status").asInt()).isEqualTo(400);
        assertThat(completed.path("notifications").toString()).contains("POST /api/v1/estimates/{id}/submit");

        assertThat(api("sales1").post("/api/v1/estimates/" + estimate.id() + "/submit", "{}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        Chromium.Steps again = browser("tasklist-resubmitted").signIn("tasklist", "approver1").openFilter(MY_APPROVALS).run();
        assertThat(names(again.last("openFilter"))).anySatisfy(name -> assertThat(name).contains(number));
    }

    @Test
    void eachLevelSeesOnlyItsOwnTaskAndNoOneApprovesTwice() {
        // above 10,000,000 won the manager approves after the approver
        Submitted estimate = submitted("sales1", 100);
        String number = estimate.number();
        String both = user("approver-manager", "approver", "manager");

        Chromium.Steps manager = browser("tasklist-level-2-waits").signIn("tasklist", "manager1").openFilter(MY_APPROVALS).run();
        assertThat(names(manager.last("openFilter"))).noneSatisfy(name -> assertThat(name).contains(number));

        Chromium.Steps level1 = browser("tasklist-level-1").signIn("tasklist", both).openFilter(MY_APPROVALS).openTask(number)
                .claim().choose(APPROVE).complete().run();
        assertThat(level1.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until("the manager level of " + number, () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskCandidateGroup("manager").count() > 0 ? true : null);

        Chromium.Steps approver = browser("tasklist-level-1-done").signIn("tasklist", "approver1").openFilter(MY_APPROVALS).run();
        assertThat(names(approver.last("openFilter"))).noneSatisfy(name -> assertThat(name).contains(number));
        Chromium.Steps repeat = browser("tasklist-level-2-repeat").signIn("tasklist", both).openFilter(MY_APPROVALS)
                .openTask(number).claim().choose(APPROVE).complete().run();
        assertThat(repeat.last("openTask").at(field("승인 단계 (Level)")).asText()).isEqualTo("manager");
        assertThat(repeat.last("openTask").at(field("결정 (Decision)")).asText())
                .as("the level before's decision is not chosen for the next level").isEmpty();
        JsonNode refused = repeat.last("complete");
        assertThat(refused.path("status").asInt()).isIn(400, 403);
        assertThat(refused.path("notifications").toString()).contains(both).doesNotContain("ENGINE-");
        assertThat(status(estimate)).isEqualTo("SUBMITTED");
        // Refused, the user cannot hand the claimed task back in Tasklist: unclaiming needs TASK_ASSIGN, which
        // approvers do not have (Tasklist says so). An administrator does it, as here.
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).taskAssignee(both).list()
                .forEach(task -> engine.getTaskService().setAssignee(task.getId(), null));

        Chromium.Steps level2 = browser("tasklist-level-2").signIn("tasklist", "manager1").openFilter(MY_APPROVALS)
                .openTask(number).claim().choose(APPROVE).complete().run();
        assertThat(level2.last("complete").path("status").asInt()).isEqualTo(204);
        Await.until(number + " approved at both levels", () -> status(estimate).equals("APPROVED") ? true : null);
    }

    @Test
    void anOwnerWhoIsAlsoAnApproverCannotApproveTheirOwnEstimate() {
        String owner = user("sales-approver", "sales", "team-seoul", "approver");
        Submitted estimate = submitted(owner, 2);
        String number = estimate.number();

        Chromium.Steps steps = browser("tasklist-own-estimate").signIn("tasklist", owner).openFilter(MY_APPROVALS)
                .openTask(number).claim().choose(APPROVE).complete().run();

        JsonNode refused = steps.last("complete");
        assertThat(refused.path("status").asInt()).isIn(400, 403);
        assertThat(refused.path("notifications").toString()).contains(owner).doesNotContain("ENGINE-", "Exception");
        assertThat(status(estimate)).isEqualTo("SUBMITTED");
    }

    /** An estimate of a product at 100,000 won a piece, submitted: 110,000 won × quantity with VAT. */
    private Submitted submitted(String owner, int quantity) {
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        assertThat(api("admin").post("/api/v1/products", """
                {"code":"TL-%1$s","name":"시험 품목","category":"BREAKER","unit":"EA","listPrice":100000,"cost":60000}"""
                .formatted(run)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api("admin").post("/api/v1/customers", """
                {"code":"TLC-%1$s","name":"(주)시험","businessRegistrationNumber":"124-81-00998","tier":"B"}"""
                .formatted(run)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = api(owner).post("/api/v1/estimates", """
                {"customerCode":"TLC-%1$s","items":[{"productCode":"TL-%1$s","quantity":%2$d}]}"""
                .formatted(run, quantity)).getBody();
        assertThat(api(owner).post("/api/v1/estimates/" + created.path("id").asLong() + "/submit", "{}")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String number = created.path("number").asText();
        Await.until("the approval task of " + number, () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Approve").count() > 0 ? true : null);
        return new Submitted(created.path("id").asLong(), number, owner);
    }

    private record Submitted(long id, String number, String owner) {
    }

    private String status(Submitted estimate) {
        return api(estimate.owner()).get("/api/v1/estimates/" + estimate.id()).getBody().path("status").asText();
    }
}
