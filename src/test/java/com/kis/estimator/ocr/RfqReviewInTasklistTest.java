package com.kis.estimator.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * A salesperson reviews what OCR read from a customer's RFQ in Tasklist ("Review extracted RFQ"): leaves a line
 * out, corrects a quantity, and gets a draft estimate with exactly the lines as confirmed.
 */
class RfqReviewInTasklistTest extends EmbeddedInChromium {

    private static final String QUOTE = "견적 포함 (Quote)";
    private static final String QUANTITY = "수량 (Qty)";
    private static final String PRODUCT = "품목코드 (Product code)";

    @Test
    void aLineLeftOutAndAQuantityCorrectedMakeTheDraftEstimate() {
        RfqPages.Rfq rfq = RfqSamples.rfq(7, 5);
        String documentId = uploaded(rfq);

        Chromium.Steps steps = browser("rfq-review").signIn("tasklist", "sales1").openFilter("All tasks")
                .openTask(rfq.documentNumber()).claim().step("rows")
                .step("tick", "label", QUOTE, "checked", false, "nth", 1).type(QUANTITY, 7)
                .step("rows").choose("견적 초안 작성 (Make the draft estimate)").complete().run();

        assertThat(names(steps.last("openFilter"))).anySatisfy(name -> assertThat(name).contains(rfq.documentNumber()));
        assertThat(steps.last("openTask").path("errors")).as("validation messages before the user types").isEmpty();
        JsonNode before = steps.at(4).path("rows");
        assertThat(before).hasSizeGreaterThanOrEqualTo(4);
        assertThat(before.get(0).path(QUOTE).asBoolean()).isTrue();
        assertThat(before.get(1).path(QUOTE).asBoolean()).isTrue();
        JsonNode after = steps.at(7).path("rows");
        assertThat(after.get(1).path(QUOTE).asBoolean()).isFalse();
        assertThat(after.get(0).path(QUANTITY).asText()).isEqualTo("7");
        assertThat(steps.last("complete").path("status").asInt()).isEqualTo(204);

        Map<String, Integer> confirmed = new LinkedHashMap<>();
        after.forEach(row -> {
            if (row.path(QUOTE).asBoolean()) {
                confirmed.merge(row.path(PRODUCT).asText(), Integer.parseInt(row.path(QUANTITY).asText()), Integer::sum);
            }
        });
        JsonNode reviewed = Await.until("document " + documentId + " reviewed", () -> {
            JsonNode document = api("sales1").get("/api/v1/ocr/documents/" + documentId).getBody();
            return document.path("status").asText().equals("REVIEWED") ? document : null;
        });
        JsonNode estimate = api("sales1").get("/api/v1/estimates/" + reviewed.path("estimateId").asLong()).getBody();
        assertThat(estimate.path("status").asText()).isEqualTo("DRAFT");
        Map<String, Integer> drafted = new LinkedHashMap<>();
        estimate.path("items").forEach(item -> drafted.merge(item.path("productCode").asText(),
                item.path("quantity").asInt(), Integer::sum));
        assertThat(drafted).isEqualTo(confirmed);
    }

    private String uploaded(RfqPages.Rfq rfq) {
        byte[] png = RfqPages.png(RfqPages.page(rfq));
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(png) {
            @Override
            public String getFilename() {
                return "rfq-" + rfq.documentNumber() + ".png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> accepted = http.withBasicAuth("sales1", "sales1").postForEntity("/api/v1/ocr/process",
                new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().path("documentId").asText();
        Await.until("the review of " + id, () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey("ReviewRfq").count() > 0 ? true : null);
        return id;
    }
}
