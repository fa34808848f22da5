package com.kis.estimator.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * A salesperson reviews what OCR read from a customer's RFQ in Tasklist ("Review extracted RFQ"): leaves a line
 * out, corrects a quantity, and gets a draft estimate with exactly the lines as confirmed; a correction that
 * cannot be read is refused in words the reviewer can act on.
 */
class RfqReviewInTasklistTest extends EmbeddedInChromium {

    @Autowired ObjectMapper json;

    private static final String QUOTED = "견적에 넣을 품목 (Lines to quote)";
    private static final String CORRECTIONS = "고칠 내용 (Corrections)";

    @Test
    void aLineLeftOutAndAQuantityCorrectedMakeTheDraftEstimate() throws Exception {
        RfqPages.Rfq rfq = RfqSamples.rfq(7, 5);
        String documentId = uploaded(rfq);
        JsonNode lines = json.readTree(engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instance(documentId)).variableName("lines").singleResult().getValue().toString());

        Chromium.Steps steps = browser("rfq-review").signIn("tasklist", "sales1").openFilter("All tasks")
                .openTask(rfq.documentNumber()).claim()
                .step("tick", "startsWith", "2. ", "checked", false).type(CORRECTIONS, "1: 7")
                .choose("견적 초안 작성 (Make the draft estimate)").complete().run();

        assertThat(names(steps.last("openFilter"))).anySatisfy(name -> assertThat(name).contains(rfq.documentNumber()));
        JsonNode opened = steps.last("openTask");
        assertThat(opened.path("errors")).as("validation messages before the user types").isEmpty();
        assertThat(opened.at(field("신뢰도 (Confidence 0-1)")).asText()).matches("[01](\\.\\d{1,2})?");
        assertThat(opened.at(field(QUOTED)).asText()).as("the matched lines start ticked")
                .contains("1. " + lines.get(0).path("productCode").asText(), "2. " + lines.get(1).path("productCode").asText());
        assertThat(steps.last("tick").at(field(QUOTED)).asText()).doesNotContain("2. ");
        assertThat(steps.last("choose").path("completeEnabled").asBoolean()).isTrue();
        assertThat(steps.last("complete").path("status").asInt()).isEqualTo(204);

        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (i != 1 && line.path("confirmed").asBoolean()) {
                expected.merge(line.path("productCode").asText(), i == 0 ? new BigDecimal("7") : line.path("quantity")
                        .decimalValue(), BigDecimal::add);
            }
        }
        JsonNode reviewed = Await.until("document " + documentId + " reviewed", () -> {
            JsonNode document = api("sales1").get("/api/v1/ocr/documents/" + documentId).getBody();
            return document.path("status").asText().equals("REVIEWED") ? document : null;
        });
        JsonNode estimate = api("sales1").get("/api/v1/estimates/" + reviewed.path("estimateId").asLong()).getBody();
        assertThat(estimate.path("status").asText()).isEqualTo("DRAFT");
        Map<String, BigDecimal> drafted = new LinkedHashMap<>();
        estimate.path("items").forEach(item -> drafted.merge(item.path("productCode").asText(),
                item.path("quantity").decimalValue(), BigDecimal::add));
        assertThat(drafted.keySet()).isEqualTo(expected.keySet());
        expected.forEach((code, quantity) -> assertThat(drafted.get(code)).as(code).isEqualByComparingTo(quantity));
    }

    @Test
    void aCorrectionThatCannotBeReadIsRefusedInTheReviewersWords() {
        RfqPages.Rfq rfq = RfqSamples.rfq(11, 4);
        String documentId = uploaded(rfq);

        Chromium.Steps steps = browser("rfq-review-refused").signIn("tasklist", "sales1").openFilter("All tasks")
                .openTask(rfq.documentNumber()).claim().type(CORRECTIONS, "아홉: 많이")
                .choose("견적 초안 작성 (Make the draft estimate)").complete().run();

        JsonNode refused = steps.last("complete");
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("notifications").toString()).contains("번호: 품목코드 수량", "아홉: 많이")
                .doesNotContain("ENGINE-");
        assertThat(api("sales1").get("/api/v1/ocr/documents/" + documentId).getBody().path("status").asText())
                .isEqualTo("EXTRACTED");
    }

    private String instance(String documentId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(documentId)
                .singleResult().getId();
    }

    private String uploaded(RfqPages.Rfq rfq) {
        byte[] png = RfqPages.png(RfqPages.page(rfq));
        ResponseEntity<JsonNode> accepted = upload("sales1", "/api/v1/ocr/process", "file",
                "rfq-" + rfq.documentNumber() + ".png", png, Map.of());
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().path("documentId").asText();
        Await.until("the review of " + id, () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey("ReviewRfq").count() > 0 ? true : null);
        return id;
    }
}
