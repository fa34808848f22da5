package com.kis.estimator.platform.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * The salesperson's day beyond the straight road, each through the user's own tool: prices gone stale under a
 * draft (operations importing the ERP's new price on the ERP page) and re-priced with one click on a phone; an
 * approval level past its due date; a submission withdrawn; a quote lost, with its reason.
 */
class EstimateCornersInChromiumTest extends EmbeddedInChromium {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Test
    void aDraftWhosePriceTheErpChangedIsRepricedWithOneClickOnAPhone() throws IOException {
        String product = "UI-STALE-" + run;
        assertThat(api("admin").post("/api/v1/products", """
                {"code":"%s","name":"재계산 시험 %s","category":"TRAY","unit":"EA","listPrice":10000,"cost":7000}"""
                .formatted(product, run)).getStatusCode().is2xxSuccessful()).isTrue();
        Path newPrice = Files.createTempDirectory("kis-stale-").resolve("price-" + run + ".csv");
        Files.writeString(newPrice, "product_code,name,spec,category,unit,list_price,cost,active\n" + product
                + ",재계산 시험 " + run + ",,TRAY,EA,12500,7000,Y\n", StandardCharsets.UTF_8);

        Chromium.Steps steps = browser("web-ui-stale").viewport(390, 844).step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("writeEstimate", "customer", "한빛", "customerOption", "(C-HANBIT)", "lines",
                        List.of(Map.of("search", "재계산 시험 " + run, "option", "(" + product + ")", "quantity", 10)))
                .step("as", "who", "ops")
                .step("openUi", "path", "/erp").step("signInUi", "user", "ops1", "password", "ops1")
                .step("importErpFile", "file", newPrice.toString())
                .step("as", "who", "main")
                .step("repriceStale")
                .step("readEstimate").step("axe").step("screenshot", "name", "repriced-phone")
                .run();

        assertThat(steps.last("importErpFile").path("counts").asText()).contains("변경 1");
        JsonNode repriced = steps.last("repriceStale");
        assertThat(repriced.path("reloaded").asBoolean()).as("the warning came by itself").isFalse();
        assertThat(repriced.path("before").asText()).isEqualTo(steps.last("writeEstimate").path("savedTotal").asText());
        long before = won(repriced.path("before").asText());
        long after = won(repriced.path("after").asText());
        assertThat(after * 10_000).as("the ERP's new list price (12,500 for 10,000), discounts and VAT as before: %d → %d",
                before, after).isEqualTo(before * 12_500);
        assertThat(repriced.path("sidewaysScroll").asBoolean()).isFalse();
        assertThat(steps.last("readEstimate").path("history").toString()).contains("단가 변경 감지", "수정");
        assertThat(steps.last("axe").path("violations")).as(steps.last("axe").toString()).isEmpty();
    }

    /**
     * The network drops under an open estimate page and the estimate changes meanwhile (a colleague's browser
     * submits it); when the network is back, the page shows the change by itself: the event stream reconnects and
     * reads again what it missed.
     */
    @Test
    void aPageThatLostItsNetworkCatchesUpWhenItIsBack() {
        Chromium.Steps steps = browser("web-ui-network-drop").step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("writeEstimate", "customer", "세진", "customerOption", "(C-SEJIN)", "lines",
                        List.of(Map.of("search", "소형", "option", "(MCB-1P-16)", "quantity", 8)))
                .step("goOffline")
                .step("as", "who", "colleague")
                .step("openUi", "path", "${writeEstimate.url}")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("estimateStep", "name", "승인 요청")
                .step("as", "who", "main")
                .step("goOnline")
                .step("waitForStatus", "status", "승인 요청")
                .run();

        JsonNode caughtUp = steps.last("waitForStatus");
        assertThat(caughtUp.path("reloaded").asBoolean()).as("no reload: the stream came back by itself").isFalse();
        System.out.printf("Web UI: back online, the missed submission shown after %d ms%n",
                caughtUp.path("at").asLong() - steps.last("goOnline").path("at").asLong());
    }

    /** A level past its due date shows as overdue where the salesperson follows the approval. */
    @Test
    void anApprovalPastItsDueDateShowsOverdue() {
        JsonNode created = api("sales1").post("/api/v1/estimates", """
                {"customerCode":"C-SEJIN","items":[{"productCode":"MCB-1P-16","quantity":5}]}""").getBody();
        String number = created.path("number").asText();
        assertThat(api("sales1").post("/api/v1/estimates/" + created.path("id").asLong() + "/submit", "{}")
                .getStatusCode().value()).isEqualTo(202);
        Task level = Await.until("the approval's first level", () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).singleResult());
        // as if the approver had let it lie past its due date
        level.setDueDate(Date.from(Instant.now().minus(Duration.ofHours(2))));
        engine.getTaskService().saveTask(level);

        Chromium.Steps steps = browser("web-ui-overdue").step("openUi", "path", "/estimates/" + created.path("id").asLong())
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("readEstimate").step("axe").run();

        assertThat(steps.last("readEstimate").path("waiting").toString()).contains("단계 1", "approver", "기한 초과");
        assertThat(steps.last("axe").path("violations")).as(steps.last("axe").toString()).isEmpty();
    }

    @Test
    void aSubmissionWithdrawnAndAQuoteLostWithItsReason() {
        Chromium.Steps steps = browser("web-ui-withdraw-lost").step("openUi", "path", "/estimates")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("writeEstimate", "customer", "세진", "customerOption", "(C-SEJIN)", "lines",
                        List.of(Map.of("search", "소형", "option", "(MCB-1P-16)", "quantity", 30)))
                .step("estimateStep", "name", "승인 요청")
                .step("estimateStep", "name", "승인 요청 철회")
                .step("readEstimate")
                .step("navigate", "label", "견적")
                .step("writeEstimate", "customer", "세진", "customerOption", "(C-SEJIN)", "lines",
                        List.of(Map.of("search", "소형", "option", "(MCB-1P-16)", "quantity", 31)))
                .step("estimateStep", "name", "승인 요청")
                .step("as", "who", "approver")
                .signIn("tasklist", "approver1").openFilter("My group's approvals")
                .step("openTask", "name", "${writeEstimate.number}").claim().choose("승인 (Approve)").complete()
                .step("as", "who", "main")
                .step("waitForStatus", "status", "승인")
                .step("estimateStep", "name", "고객에게 발송")
                .step("recordOutcome", "outcome", "실주", "reason", "경쟁사 단가가 5% 낮음")
                .step("readEstimate").step("axe")
                .run();

        List<JsonNode> steps1 = steps.all("estimateStep");
        assertThat(steps1.get(1).path("status").asText()).as("withdrawn").isEqualTo("철회");
        JsonNode withdrawn = steps.all("readEstimate").get(0);
        assertThat(withdrawn.path("actions").toString()).doesNotContain("승인 요청 철회");
        assertThat(withdrawn.path("history").toString()).contains("상태 변경: 철회");
        assertThat(steps.last("recordOutcome").path("status").asText()).isEqualTo("실주");
        String lost = steps.last("readEstimate").path("url").asText().replaceAll(".*/", "");
        JsonNode history = api("sales1").get("/api/v1/estimates/" + lost + "/revisions").getBody().path("history");
        assertThat(history.toString()).contains("경쟁사 단가가 5% 낮음");
        assertThat(steps.last("axe").path("violations")).as(steps.last("axe").toString()).isEmpty();
    }

    /** "134,750원" → 134750 */
    private static long won(String shown) {
        return Long.parseLong(shown.replaceAll("[^0-9]", ""));
    }
}
