package com.kis.estimator.platform.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;
import com.kis.estimator.ocr.RfqPages;
import com.kis.estimator.ocr.RfqSamples;

/**
 * Issue 21's time to quote, as the salesperson spends it: a customer's RFQ scan dropped on the RFQ page, the page
 * following its reading live, the review in Tasklist through the card's link, the draft estimate opened from the
 * card and submitted; approver1 approves in Tasklist (their time apart); the salesperson sends the approved
 * 견적서. Counted: the salesperson's clicks (each trusted click the pages saw, the drop and one return to the UI)
 * and seconds, the approver's interval taken out. Figures in docs/benchmarks.md; the aim (15 clicks, 2 minutes) is
 * printed beside them, not asserted on timing.
 */
class TimeToQuoteInChromiumTest extends EmbeddedInChromium {

    /** Gestures the click counter cannot see: the file dropped, and the address typed to return to the UI. */
    private static final int UNCOUNTED_GESTURES = 2;

    @Test
    void fromADroppedRfqScanToTheApprovedQuoteSent() throws IOException {
        // a customer's request of everyday parts, one approver's to decide (at most 10 million won)
        RfqPages.Rfq sample = RfqSamples.rfq(21, 4);
        List<RfqPages.Item> parts = RfqSamples.PRODUCTS.stream()
                .filter(product -> product.active() && product.listPrice().compareTo(BigDecimal.valueOf(50_000)) < 0
                        && !"M".equals(product.unit()))
                .limit(4).map(product -> new RfqPages.Item(product.code(), product.name(), 10, product.unit())).toList();
        RfqPages.Rfq rfq = new RfqPages.Rfq(sample.documentNumber(), sample.date(), sample.customerName(),
                sample.businessRegistrationNumber(), parts);
        Path scan = Files.createTempDirectory("kis-rfq-").resolve("rfq-" + rfq.documentNumber() + ".png");
        Files.write(scan, RfqPages.png(RfqPages.page(rfq)));

        Chromium.Steps day = browser("web-ui-time-to-quote").step("openUi", "path", "/rfqs")
                .step("signInUi", "user", "sales1", "password", "sales1")
                .step("axe")
                .step("count")
                .step("dropRfq", "file", scan.toString())
                .step("followReviewLink", "user", "sales1")
                .claim().choose("견적 초안 작성 (Make the draft estimate)").complete()
                .step("openUi", "path", "/rfqs")
                .step("openDraftFromRfq", "documentId", "${dropRfq.documentId}")
                .step("estimateStep", "name", "승인 요청")
                .step("count")
                .step("as", "who", "approver")
                .signIn("tasklist", "approver1").openFilter("My group's approvals")
                .step("openTask", "name", "${openDraftFromRfq.number}").claim().choose("승인 (Approve)").complete()
                .step("as", "who", "main")
                .step("count")
                .step("waitForStatus", "status", "승인")
                .step("estimateStep", "name", "고객에게 발송")
                .step("count")
                .run();

        JsonNode dropped = day.last("dropRfq");
        assertThat(dropped.path("httpStatus").asInt()).isEqualTo(202);
        assertThat(dropped.path("status").asText()).as("read and waiting for review: %s", dropped).isEqualTo("검토 대기");
        assertThat(dropped.path("reloaded").asBoolean()).as("the card followed the reading by itself").isFalse();
        assertThat(dropped.path("reviewLink").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
        assertThat(day.last("followReviewLink").path("task").asText()).contains(rfq.documentNumber());
        day.all("complete").forEach(complete -> assertThat(complete.path("status").asInt()).as("the review, then the "
                + "approval, completed in Tasklist: %s", complete).isEqualTo(204));
        String number = day.last("openDraftFromRfq").path("number").asText();
        assertThat(number).matches("EST-\\d{4}-\\d{6}");
        assertThat(day.last("waitForStatus").path("reloaded").asBoolean()).isFalse();
        assertThat(day.last("estimateStep").path("status").asText()).isEqualTo("발송");
        day.all("axe").forEach(axe -> assertThat(axe.path("violations")).as(axe.toString()).isEmpty());

        var counts = day.all("count");
        long ownMs = (counts.get(3).path("at").asLong() - counts.get(0).path("at").asLong())
                - (counts.get(2).path("at").asLong() - counts.get(1).path("at").asLong());
        int clicks = counts.get(3).path("clicks").asInt() - counts.get(0).path("clicks").asInt() + UNCOUNTED_GESTURES;
        long readMs = dropped.path("seen").get(dropped.path("seen").size() - 1).path("ms").asLong();
        System.out.printf("Web UI: time to quote, RFQ scan dropped to the approved 견적서 sent: %d clicks (aim <= 15), "
                + "%.1f s of the salesperson's time (aim <= 120 s; of it %.1f s waiting for the scan to be read), "
                + "the approver's %.1f s apart; statuses seen live: %s%n", clicks, ownMs / 1000.0, readMs / 1000.0,
                (counts.get(2).path("at").asLong() - counts.get(1).path("at").asLong()) / 1000.0, dropped.path("seen"));
        assertThat(clicks).as("the counter saw the salesperson's clicks").isGreaterThan(UNCOUNTED_GESTURES);
    }
}
