package com.kis.estimator.estimate;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;

/**
 * Estimates through /api/v1 on the real PostgreSQL and Redis: pricing with the stored waterfall, revisions,
 * history, concurrency, idempotency, templates and every kind of bad input.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstimateApiTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    private final String breaker = "T-BRK-" + run;
    private final String cable = "T-CBL-" + run;
    private final String transformer = "T-TR-" + run;
    private final String customer = "T-CUS-" + run;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedissonClient redis;
    @Autowired EstimateLifecycle lifecycle;
    private JsonNode originalTiers;

    JsonHttp http() {
        return JsonHttp.as(rest, "sales1");
    }

    /** Catalog changes are for administrators. */
    JsonHttp admin() {
        return JsonHttp.as(rest, "admin");
    }

    @BeforeAll
    void catalog() {
        originalTiers = admin().get("/api/v1/volume-tiers").getBody();
        admin().put("/api/v1/volume-tiers", """
                {"tiers":[{"minQuantity":10,"discountRate":2},{"category":"CABLE","minQuantity":500,"discountRate":3}]}""");
        product(breaker, "BREAKER", 10_000, 7_000);
        product(cable, "CABLE", 2_000, 1_500);
        product(transformer, "TRANSFORMER", 100_000, 90_000);
        admin().post("/api/v1/price-lists", """
                {"code":"T-PL-%s","name":"시험 단가표","entries":[
                 {"productCode":"%s","price":9000,"validFrom":"2020-01-01"}]}""".formatted(run, breaker));
        admin().post("/api/v1/customers", """
                {"code":"%s","name":"(주)시험전기","businessRegistrationNumber":"124-81-00998","tier":"A",
                 "priceListCode":"T-PL-%s"}""".formatted(customer, run));
    }

    @AfterAll
    void restoreTiers() {
        admin().put("/api/v1/volume-tiers", originalTiers.toString());
    }

    @Test
    void draftIsPricedThroughTheWaterfallWithKoreanVat() {
        ResponseEntity<JsonNode> created = create(standardEstimate());
        JsonNode estimate = created.getBody();

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"" + estimate.path("version").asLong() + "\"");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/estimates/" + estimate.path("id").asLong());
        assertThat(estimate.path("number").asText()).matches("EST-\\d{4}-\\d{6}");
        assertThat(estimate.path("status").asText()).isEqualTo("DRAFT");
        assertThat(estimate.path("revision").asInt()).isEqualTo(1);
        assertThat(estimate.path("currency").asText()).isEqualTo("KRW");
        assertThat(estimate.path("customer").path("businessRegistrationNumber").asText()).isEqualTo("124-81-00998");

        JsonNode breakerLine = estimate.path("items").get(0);
        // contract price 9,000 (list 10,000) × 12 = 108,000; tier 2 % → 105,840; line 5 % → 100,548
        assertThat(breakerLine.path("listPrice").asLong()).isEqualTo(10_000);
        assertThat(breakerLine.path("unitPrice").asLong()).isEqualTo(9_000);
        assertThat(breakerLine.path("priceListCode").asText()).isEqualTo("T-PL-" + run);
        assertThat(breakerLine.path("grossAmount").asLong()).isEqualTo(108_000);
        assertThat(breakerLine.path("tierDiscountRate").decimalValue()).isEqualByComparingTo("2");
        assertThat(breakerLine.path("tierDiscountAmount").asLong()).isEqualTo(2_160);
        assertThat(breakerLine.path("discountAmount").asLong()).isEqualTo(5_292);
        assertThat(breakerLine.path("netAmount").asLong()).isEqualTo(100_548);
        assertThat(estimate.path("items").get(1).path("netAmount").asLong()).as("cable tier 3 %").isEqualTo(1_164_000);

        assertThat(estimate.path("subtotal").asLong()).isEqualTo(1_364_548);
        assertThat(estimate.path("discountAmount").asLong()).isEqualTo(34_114);
        assertThat(estimate.path("supplyAmount").asLong()).isEqualTo(1_330_434);
        assertThat(estimate.path("vat").asLong()).isEqualTo(133_043);
        assertThat(estimate.path("total").asLong()).isEqualTo(1_463_477);
        assertThat(estimate.path("margin").asLong()).isEqualTo(256_434);
        assertThat(estimate.path("marginRate").decimalValue()).isEqualByComparingTo("19.27");
        assertThat(estimate.path("pricesStale").asBoolean()).isFalse();

        assertThat(http().get("/api/v1/estimates/" + estimate.path("number").asText()).getBody().path("total").asLong())
                .as("found by number too").isEqualTo(1_463_477);
        assertThat(rest.getForObject("/actuator/prometheus", String.class))
                .containsPattern("kis_estimates_total\\{.*action=\"created\".*} [1-9]")
                .contains("kis_estimate_total_won_count");
    }

    @Test
    void revisingKeepsTheOldRevisionReadableAndRecordsWhatChanged() {
        JsonNode first = create(standardEstimate()).getBody();
        String path = "/api/v1/estimates/" + first.path("id").asLong();

        ResponseEntity<JsonNode> revised = put(path, """
                {"customerCode":"%s","discountRate":2.5,"note":"2차","items":[
                 {"productCode":"%s","quantity":20,"discountRate":5},{"productCode":"%s","quantity":600}]}"""
                .formatted(customer, breaker, cable), etagOf(first));

        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().path("revision").asInt()).isEqualTo(2);
        assertThat(revised.getHeaders().getETag()).isNotEqualTo(etagOf(first));
        JsonNode old = http().get(path + "/revisions/1").getBody();
        assertThat(old.path("items")).hasSize(3);
        assertThat(old.path("total").asLong()).isEqualTo(1_463_477);

        JsonNode revisions = http().get(path + "/revisions").getBody();
        assertThat(revisions.path("revisions")).hasSize(2);
        JsonNode changes = revisions.path("revisions").get(1).path("changes");
        assertThat(changes.findValuesAsText("field"))
                .contains("note", "total", "items[0].quantity", "items[0].netAmount", "items[2]")
                .doesNotContain("discountRate", "customerCode", "items[1].quantity");
        JsonNode quantity = changeOf(changes, "items[0].quantity");
        assertThat(quantity.path("from").asInt()).isEqualTo(12);
        assertThat(quantity.path("to").asInt()).isEqualTo(20);
        assertThat(changeOf(changes, "items[2]").path("to").isNull()).isTrue();
        assertThat(revisions.path("history").findValuesAsText("action")).containsExactly("CREATED", "REVISED");
    }

    @Test
    void staleIfMatchIsRefusedWith412AndWritesNothing() {
        JsonNode estimate = create(standardEstimate()).getBody();
        String path = "/api/v1/estimates/" + estimate.path("id").asLong();
        put(path, body("첫 수정"), etagOf(estimate));
        int revisions = count("estimator.estimate_revisions");

        ResponseEntity<JsonNode> stale = put(path, body("늦은 수정"), etagOf(estimate));

        assertProblem(stale, HttpStatus.PRECONDITION_FAILED, "/problems/precondition-failed", null);
        assertThat(count("estimator.estimate_revisions")).isEqualTo(revisions);
        assertThat(http().get(path).getBody().path("note").asText()).isEqualTo("첫 수정");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = "key-" + run + "-" + System.nanoTime();
        ResponseEntity<JsonNode> first = createWithKey(standardEstimate(), key);
        int estimatesBefore = count("estimator.estimates");

        ResponseEntity<JsonNode> again = createWithKey(standardEstimate(), key);
        ResponseEntity<JsonNode> other = createWithKey(body("다른 내용"), key);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertProblem(other, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/idempotency-key-reused", null);
        assertThat(count("estimator.estimates")).isEqualTo(estimatesBefore);
    }

    @Nested
    class BadInput {

        @Test
        void unknownOrDiscontinuedReferencesAre422NamingTheField() {
            String discontinued = "T-OLD-" + run;
            admin().post("/api/v1/products", """
                    {"code":"%s","name":"단종","category":"BREAKER","unit":"EA","listPrice":1,"cost":1,"active":false}"""
                    .formatted(discontinued));
            refused(items("{\"productCode\":\"%s\",\"quantity\":1},{\"productCode\":\"NOPE-%s\",\"quantity\":1}"
                    .formatted(breaker, run)), HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference",
                    "items[1].productCode");
            refused(items("{\"productCode\":\"%s\",\"quantity\":1}".formatted(discontinued)),
                    HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule", "items[0].productCode");
            refused("""
                    {"customerCode":"NOPE-%s","items":[]}""".formatted(run),
                    HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "customerCode");
            refused("""
                    {"customerId":999999999,"items":[]}""", HttpStatus.UNPROCESSABLE_ENTITY,
                    "/problems/unknown-reference", "customerId");
            refused("""
                    {"customerCode":"%s","validUntil":"2020-01-01","items":[]}""".formatted(customer),
                    HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule", "validUntil");
        }

        @Test
        void outOfRangeNumbersAndOversizedRequestsAre400() {
            refused(items("{\"productCode\":\"%s\",\"quantity\":0}".formatted(breaker)),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "items[0].quantity");
            refused(items("{\"productCode\":\"%s\",\"quantity\":1000001}".formatted(breaker)),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "items[0].quantity");
            refused(items("{\"productCode\":\"%s\",\"quantity\":1,\"discountRate\":100.5}".formatted(breaker)),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "items[0].discountRate");
            refused(items("{\"productCode\":\"%s\",\"quantity\":1,\"discountRate\":-1}".formatted(breaker)),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "items[0].discountRate");
            refused("""
                    {"customerCode":"%s","discountRate":101,"items":[]}""".formatted(customer),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "discountRate");
            refused(items(IntStream.range(0, 501).mapToObj(i -> "{\"productCode\":\"%s\",\"quantity\":1}"
                    .formatted(breaker)).collect(Collectors.joining(","))),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "items");
            refused("""
                    {"customerCode":"%s","note":"%s","items":[]}""".formatted(customer, "가".repeat(1001)),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "note");
            refused("""
                    {"items":[]}""", HttpStatus.BAD_REQUEST, "/problems/validation", "customerCode");
        }

        @Test
        void malformedJsonAndWrongTypesAre400() {
            refused("{\"customerCode\": ", HttpStatus.BAD_REQUEST, "/problems/malformed-request", null);
            refused(items("{\"productCode\":\"%s\",\"quantity\":\"열두 개\"}".formatted(breaker)),
                    HttpStatus.BAD_REQUEST, "/problems/malformed-request", null);
            refused("""
                    {"customerCode":"%s","validUntil":"내일","items":[]}""".formatted(customer),
                    HttpStatus.BAD_REQUEST, "/problems/malformed-request", null);
        }

        private void refused(String json, HttpStatus status, String type, String field) {
            int estimatesBefore = count("estimator.estimates");
            int revisionsBefore = count("estimator.estimate_revisions");
            int historyBefore = count("estimator.estimate_history");

            assertProblem(http().post("/api/v1/estimates", json), status, type, field);

            assertThat(count("estimator.estimates")).isEqualTo(estimatesBefore);
            assertThat(count("estimator.estimate_revisions")).isEqualTo(revisionsBefore);
            assertThat(count("estimator.estimate_history")).isEqualTo(historyBefore);
        }

        private String items(String items) {
            return """
                    {"customerCode":"%s","items":[%s]}""".formatted(customer, items);
        }
    }

    @Test
    void submittedEstimatesCannotBeEditedOrDeleted() {
        JsonNode estimate = create(standardEstimate()).getBody();
        long id = estimate.path("id").asLong();
        moveTo(id, EstimateStatus.SUBMITTED);
        int revisions = count("estimator.estimate_revisions");

        assertProblem(put("/api/v1/estimates/" + id, body("제출 후 수정"), null), HttpStatus.CONFLICT,
                "/problems/conflict", null);
        assertProblem(http().delete("/api/v1/estimates/" + id),
                HttpStatus.CONFLICT, "/problems/conflict", null);

        moveTo(id, EstimateStatus.CHANGES_REQUESTED);
        assertThat(put("/api/v1/estimates/" + id, body("요청 반영"), null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(http().delete("/api/v1/estimates/" + id),
                HttpStatus.CONFLICT, "/problems/conflict", null);
        assertThat(count("estimator.estimate_revisions")).isEqualTo(revisions + 1);
    }

    @Test
    void statusChangesAreCheckedAndRecordedWithWhoAndWhy() {
        long id = create(standardEstimate()).getBody().path("id").asLong();
        String path = "/api/v1/estimates/" + id;

        lifecycle.changeStatus(id, EstimateStatus.SUBMITTED, "sales1", null);
        assertThatThrownBy(() -> lifecycle.changeStatus(id, EstimateStatus.CHANGES_REQUESTED, "manager1", " "))
                .hasMessageContaining("reason is required");
        assertThatThrownBy(() -> lifecycle.changeStatus(id, EstimateStatus.WON, "sales1", null))
                .hasMessageContaining("cannot become WON");
        lifecycle.changeStatus(id, EstimateStatus.CHANGES_REQUESTED, "manager1", "할인율 재검토");

        assertThat(http().get(path).getBody().path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        JsonNode history = http().get(path + "/revisions").getBody().path("history");
        assertThat(history.findValuesAsText("action")).containsExactly("CREATED", "STATUS_CHANGED", "STATUS_CHANGED");
        JsonNode last = history.get(2);
        assertThat(last.path("fromStatus").asText()).isEqualTo("SUBMITTED");
        assertThat(last.path("toStatus").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(last.path("actor").asText()).isEqualTo("manager1");
        assertThat(last.path("detail").asText()).isEqualTo("할인율 재검토");
    }

    @Test
    void neverSubmittedDraftIsDeletedAndItsHistoryKept() {
        JsonNode estimate = create(standardEstimate()).getBody();
        long id = estimate.path("id").asLong();

        ResponseEntity<JsonNode> deleted = http().delete("/api/v1/estimates/" + id);

        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http().get("/api/v1/estimates/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("SELECT action FROM estimator.estimate_history WHERE estimate_id = ? ORDER BY id",
                String.class, id)).containsExactly("CREATED", "DELETED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM estimator.estimate_revisions WHERE estimate_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void listFiltersByStatusCustomerOwnerAndCreationDate() {
        JsonNode estimate = create(standardEstimate()).getBody();
        String today = http().get("/api/v1/estimates/" + estimate.path("id").asLong()).getBody().path("pricingDate").asText();

        JsonNode found = http().get("/api/v1/estimates?status=DRAFT&customer=" + customer + "&owner=sales1"
                + "&createdFrom=" + today + "&createdTo=" + today + "&sort=total,desc&size=100").getBody();
        JsonNode none = http().get("/api/v1/estimates?customer=" + customer + "&status=APPROVED").getBody();

        assertThat(found.path("content").findValuesAsText("number")).contains(estimate.path("number").asText());
        assertThat(found.path("content").findValuesAsText("customerCode")).containsOnly(customer);
        assertThat(none.path("content")).isEmpty();
        assertProblem(http().get("/api/v1/estimates?status=MAYBE"), HttpStatus.BAD_REQUEST, "/problems/invalid-parameter", null);
        assertProblem(http().get("/api/v1/estimates?sort=secret"), HttpStatus.BAD_REQUEST, "/problems/invalid-parameter", null);
    }

    @Test
    void theListFindsAnEstimateByNumberCustomerOrAProductOnItsCurrentRevision() {
        String onlyBreakers = """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":3}]}""".formatted(customer, breaker);
        JsonNode estimate = create(onlyBreakers).getBody();
        String number = estimate.path("number").asText();

        assertThat(numbersFound("q=" + number.substring(4).toLowerCase())).containsExactly(number);
        // the product's Korean name typed without its space, and the code in lower case
        assertThat(numbersFound("q=시험" + breaker)).contains(number);
        assertThat(numbersFound("q=" + breaker.toLowerCase())).contains(number);
        assertThat(numbersFound("q=시험전기&customer=" + customer)).contains(number);
        assertThat(numbersFound("q=" + transformer)).as("the transformer is on other estimates only")
                .doesNotContain(number);
        // only the current revision counts: revised to the transformer, the breaker no longer finds it
        http().put("/api/v1/estimates/" + estimate.path("id").asLong(), """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":1}]}""".formatted(customer, transformer));
        assertThat(numbersFound("q=" + transformer)).contains(number);
        assertThat(numbersFound("q=" + breaker)).doesNotContain(number);
        // typed text is matched literally: % and _ are not wildcards
        assertThat(numbersFound("q=%25")).isEmpty();
        assertThat(numbersFound("q=EST_")).isEmpty();
        assertProblem(http().get("/api/v1/estimates?q=" + "가".repeat(101)), HttpStatus.BAD_REQUEST,
                "/problems/validation", "q");
    }

    private List<String> numbersFound(String query) {
        ResponseEntity<JsonNode> page = http().get("/api/v1/estimates?size=200&" + query);
        assertThat(page.getStatusCode()).as(String.valueOf(page.getBody())).isEqualTo(HttpStatus.OK);
        return page.getBody().path("content").findValuesAsText("number");
    }

    @Test
    void theWaitingApprovalsOfAnEstimateAreForThoseWhoMaySeeIt() {
        long id = create(standardEstimate()).getBody().path("id").asLong();
        ResponseEntity<JsonNode> draft = http().get("/api/v1/estimates/" + id + "/approvals/waiting");
        assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(draft.getBody()).as("a draft waits for no one").isEmpty();
        // another team's salesperson cannot tell the estimate exists
        assertProblem(JsonHttp.as(rest, "sales2").get("/api/v1/estimates/" + id + "/approvals/waiting"),
                HttpStatus.NOT_FOUND, "/problems/not-found", null);
        assertProblem(http().get("/api/v1/estimates/987654321/approvals/waiting"), HttpStatus.NOT_FOUND,
                "/problems/not-found", null);
        assertProblem(JsonHttp.as(rest, "analyst1").get("/api/v1/estimates/" + id + "/approvals/waiting"),
                HttpStatus.FORBIDDEN, "/problems/forbidden", null);
    }

    @Test
    void thePreviewPricesAsASaveWouldAndWritesNothing() {
        long estimates = jdbc.queryForObject("select count(*) from estimator.estimates", Long.class);
        ResponseEntity<JsonNode> previewed = http().post("/api/v1/estimates/preview", standardEstimate());
        assertThat(previewed.getStatusCode()).as(String.valueOf(previewed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from estimator.estimates", Long.class)).isEqualTo(estimates);

        JsonNode preview = previewed.getBody();
        JsonNode saved = create(standardEstimate()).getBody();
        for (String total : List.of("subtotal", "discountAmount", "supplyAmount", "vat", "total", "margin")) {
            assertThat(preview.path(total).decimalValue()).as(total).isEqualByComparingTo(saved.path(total).decimalValue());
        }
        assertThat(preview.path("items")).isEqualTo(saved.path("items"));
        assertThat(preview.path("customer")).isEqualTo(saved.path("customer"));
        assertThat(preview.path("totalInWords").asText()).isEqualTo("금 일백사십육만삼천사백칠십칠원정");

        assertProblem(http().post("/api/v1/estimates/preview", """
                {"customerCode":"%s","items":[{"productCode":"T-NONE-%s","quantity":1}]}""".formatted(customer, run)),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "items[0].productCode");
        assertProblem(JsonHttp.as(rest, "approver1").post("/api/v1/estimates/preview", standardEstimate()),
                HttpStatus.FORBIDDEN, "/problems/forbidden", null);
    }

    @Test
    void draftBecomesStaleWhenItsProductIsRepricedAndQuotesAreCachedInRedis() {
        String own = "T-STALE-" + run;
        product(own, "BREAKER", 5_000, 3_000);
        JsonNode estimate = create("""
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":1}]}""".formatted(customer, own)).getBody();
        String path = "/api/v1/estimates/" + estimate.path("id").asLong();
        long generation = redis.getAtomicLong("kis:catalog:generation").get();
        assertThat(redis.getKeys().getKeysStreamByPattern("kis:quotes:" + generation + ":*").count()).isPositive();
        assertThat(http().get(path).getBody().path("pricesStale").asBoolean()).isFalse();

        product(own, "BREAKER", 5_500, 3_000);

        assertThat(redis.getAtomicLong("kis:catalog:generation").get()).isGreaterThan(generation);
        assertThat(http().get(path).getBody().path("pricesStale").asBoolean()).isTrue();
        JsonNode repriced = put(path, """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":1}]}""".formatted(customer, own), null).getBody();
        assertThat(repriced.path("items").get(0).path("unitPrice").asLong()).isEqualTo(5_500);
        assertThat(repriced.path("items").get(0).path("priceVersion").asLong()).isEqualTo(2);
        assertThat(http().get(path).getBody().path("pricesStale").asBoolean()).isFalse();
    }

    @Test
    void quoteDocumentIsAKoreanPdfWithTheTotalsInWords() throws Exception {
        JsonNode estimate = create(standardEstimate()).getBody();

        ResponseEntity<byte[]> document = JsonHttp.signedIn(rest, "sales1").getForEntity(
                "/api/v1/estimates/" + estimate.path("id").asLong() + "/document", byte[].class);

        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(document.getHeaders().getContentDisposition().getFilename())
                .isEqualTo(estimate.path("number").asText() + "-r1.pdf");
        try (PDDocument pdf = Loader.loadPDF(document.getBody())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("견", "적", "서", estimate.path("number").asText(), "(주)시험전기 귀하",
                    "124-81-00998", "214-86-51378", "금 일백사십육만삼천사백칠십칠원정", "₩1,463,477",
                    "1,364,548", "-34,114", "1,330,434", "133,043", "1,463,477", "공급가액", "부가세", "합계",
                    "시험 " + breaker, "납기 4주");
        }
    }

    @Test
    void quoteDocumentOfAFiveHundredLineEstimateRunsOverSeveralPages() throws Exception {
        String items = IntStream.rangeClosed(1, 500).mapToObj(i -> "{\"productCode\":\"%s\",\"quantity\":%d}"
                .formatted(breaker, i)).collect(Collectors.joining(","));
        JsonNode estimate = create("""
                {"customerCode":"%s","items":[%s]}""".formatted(customer, items)).getBody();

        byte[] document = JsonHttp.signedIn(rest, "sales1")
                .getForObject("/api/v1/estimates/" + estimate.path("id").asLong() + "/document", byte[].class);

        try (PDDocument pdf = Loader.loadPDF(document)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pdf.getNumberOfPages());
            assertThat(lastPage.getText(pdf)).contains("합계", "%,d".formatted(estimate.path("total").asLong()));
        }
        assertProblem(http().get("/api/v1/estimates/987654321/document"), HttpStatus.NOT_FOUND, "/problems/not-found", null);
    }

    @Test
    void estimateStartsFromATemplate() {
        ResponseEntity<JsonNode> template = http().post("/api/v1/estimates/templates", """
                {"name":"분전반 표준 구성 %s","discountRate":1.5,"note":"표준","items":[
                 {"productCode":"%s","quantity":4},{"productCode":"%s","quantity":100,"discountRate":2}]}"""
                .formatted(run, breaker, cable));
        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long templateId = template.getBody().path("id").asLong();
        assertThat(http().get("/api/v1/estimates/templates").getBody().findValuesAsText("name"))
                .contains("분전반 표준 구성 " + run);

        JsonNode estimate = create("""
                {"customerCode":"%s","templateId":%d}""".formatted(customer, templateId)).getBody();

        assertThat(estimate.path("items").findValuesAsText("productCode")).containsExactly(breaker, cable);
        assertThat(estimate.path("discountRate").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(estimate.path("note").asText()).isEqualTo("표준");
        assertProblem(http().post("/api/v1/estimates", """
                {"customerCode":"%s","templateId":%d,"items":[{"productCode":"%s","quantity":1}]}"""
                .formatted(customer, templateId, breaker)), HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule",
                "templateId");
        assertProblem(http().post("/api/v1/estimates", """
                {"customerCode":"%s","templateId":987654321}""".formatted(customer)),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "templateId");
        assertProblem(http().post("/api/v1/estimates/templates", """
                {"name":"잘못된","items":[{"productCode":"NOPE-%s","quantity":1}]}""".formatted(run)),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "items[0].productCode");

        ResponseEntity<JsonNode> updated = http().put("/api/v1/estimates/templates/" + templateId, """
                {"name":"분전반 표준 구성 %s","items":[{"productCode":"%s","quantity":2}]}""".formatted(run, transformer));
        assertThat(updated.getBody().path("items").findValuesAsText("productCode")).containsExactly(transformer);
        assertThat(http().delete("/api/v1/estimates/templates/" + templateId)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http().get("/api/v1/estimates/templates/" + templateId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * Issue 23: a template is seen by its owner, the owner's team and admin, as an estimate is; anyone else
     * gets 404 wherever it could be reached (read, list, change, delete, an estimate started from it), and only its
     * owner changes it.
     */
    @Test
    void aTemplateIsSeenByItsOwnersTeamAndChangedByItsOwnerOnly() {
        long templateId = http().post("/api/v1/estimates/templates", """
                {"name":"서울팀 구성 %s","items":[{"productCode":"%s","quantity":4}]}""".formatted(run, breaker))
                .getBody().path("id").asLong();
        String path = "/api/v1/estimates/templates/" + templateId;
        String change = """
                {"name":"바꾼 구성 %s","items":[{"productCode":"%s","quantity":1}]}""".formatted(run, cable);
        JsonHttp otherTeam = JsonHttp.as(rest, "sales2");

        assertProblem(otherTeam.get(path), HttpStatus.NOT_FOUND, "/problems/not-found");
        assertProblem(otherTeam.put(path, change), HttpStatus.NOT_FOUND, "/problems/not-found");
        assertProblem(otherTeam.delete(path), HttpStatus.NOT_FOUND, "/problems/not-found");
        assertThat(otherTeam.get("/api/v1/estimates/templates").getBody().findValuesAsText("id"))
                .doesNotContain(Long.toString(templateId));
        assertProblem(otherTeam.post("/api/v1/estimates", """
                {"customerCode":"%s","templateId":%d}""".formatted(customer, templateId)),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "templateId");

        JsonHttp teamMate = JsonHttp.as(rest, "sales3");
        assertThat(teamMate.get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(teamMate.get("/api/v1/estimates/templates").getBody().findValuesAsText("id"))
                .contains(Long.toString(templateId));
        assertThat(teamMate.post("/api/v1/estimates", """
                {"customerCode":"%s","templateId":%d}""".formatted(customer, templateId)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertProblem(teamMate.put(path, change), HttpStatus.FORBIDDEN, "/problems/forbidden");
        assertProblem(teamMate.delete(path), HttpStatus.FORBIDDEN, "/problems/forbidden");
        assertThat(JsonHttp.as(rest, "admin").get(path).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(http().get(path).getBody().path("items").findValuesAsText("productCode"))
                .as("refused changes changed nothing").containsExactly(breaker);
        assertThat(http().delete(path).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String standardEstimate() {
        return """
                {"customerCode":"%s","discountRate":2.5,"note":"1차","items":[
                 {"productCode":"%s","quantity":12,"discountRate":5},
                 {"productCode":"%s","quantity":600},
                 {"productCode":"%s","quantity":1,"note":"납기 4주"}]}""".formatted(customer, breaker, cable, transformer);
    }

    private String body(String note) {
        return """
                {"customerCode":"%s","note":"%s","items":[{"productCode":"%s","quantity":3}]}"""
                .formatted(customer, note, breaker);
    }

    private ResponseEntity<JsonNode> create(String json) {
        ResponseEntity<JsonNode> response = http().post("/api/v1/estimates", json);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response;
    }

    private ResponseEntity<JsonNode> createWithKey(String json, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return http().send(HttpMethod.POST, "/api/v1/estimates", json, headers);
    }

    @Test
    void aCustomersNewPriceListAndTierPriceTheNextEstimate() {
        String own = "T-CUS2-" + run;
        String request = """
                {"customerCode":"%s","items":[{"productCode":"%s","quantity":1}]}""".formatted(own, breaker);
        admin().post("/api/v1/customers", customerJson(own, "A", "\"T-PL-" + run + "\""));
        JsonNode before = create(request).getBody();
        assertThat(before.path("items").get(0).path("unitPrice").asLong()).as("contract price").isEqualTo(9_000);
        long generation = redis.getAtomicLong("kis:catalog:generation").get();

        admin().put("/api/v1/customers/" + own, customerJson(own, "B", "null"));

        assertThat(redis.getAtomicLong("kis:catalog:generation").get()).isGreaterThan(generation);
        JsonNode after = create(request).getBody();
        assertThat(after.path("items").get(0).path("unitPrice").asLong()).as("list price").isEqualTo(10_000);
        assertThat(after.path("customer").path("tier").asText()).isEqualTo("B");
    }

    private static String customerJson(String code, String tier, String priceListCode) {
        return """
                {"code":"%s","name":"(주)시험상사","businessRegistrationNumber":"124-81-00998","tier":"%s",
                 "priceListCode":%s}""".formatted(code, tier, priceListCode);
    }

    private ResponseEntity<JsonNode> put(String path, String json, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http().send(HttpMethod.PUT, path, json, headers);
    }

    private void product(String code, String category, long listPrice, long cost) {
        String json = """
                {"code":"%s","name":"시험 %s","category":"%s","unit":"EA","listPrice":%d,"cost":%d}"""
                .formatted(code, code, category, listPrice, cost);
        if (admin().get("/api/v1/products/" + code).getStatusCode() == HttpStatus.NOT_FOUND) {
            admin().post("/api/v1/products", json);
        } else {
            admin().put("/api/v1/products/" + code, json);
        }
    }

    private void moveTo(long id, EstimateStatus status) {
        lifecycle.changeStatus(id, status, "approver1", "시험");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static String etagOf(JsonNode estimate) {
        return "\"" + estimate.path("version").asLong() + "\"";
    }

    private static JsonNode changeOf(JsonNode changes, String field) {
        for (JsonNode change : changes) {
            if (change.path("field").asText().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + changes);
    }
}
