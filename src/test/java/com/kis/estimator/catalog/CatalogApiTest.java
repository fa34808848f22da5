package com.kis.estimator.catalog;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.PublishedEvents;

/** Products, customers, price lists and tiers through /api/v1 on the real PostgreSQL. */
@PostgresIntegrationTest
class CatalogApiTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    PublishedEvents events;

    @BeforeEach
    void recordEvents() {
        events = PublishedEvents.start(context);
    }

    @AfterEach
    void stopRecording() {
        events.stop();
    }

    JsonHttp http() {
        return JsonHttp.as(rest, "admin");
    }

    @Test
    void productIsCreatedReadAndRepricedWithANewPriceVersion() {
        String code = "T-MCCB-" + run;
        ResponseEntity<JsonNode> created = http().post("/api/v1/products", product(code, "배선용 차단기 시험 " + run, 58000, 40600));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/products/" + code);
        assertThat(created.getBody().path("priceVersion").asLong()).isEqualTo(1);
        assertThat(created.getBody().path("demo").asBoolean()).isFalse();

        ResponseEntity<JsonNode> renamed = http().put("/api/v1/products/" + code, product(null, "새 이름 " + run, 58000, 40600));
        assertThat(renamed.getBody().path("name").asText()).isEqualTo("새 이름 " + run);
        assertThat(renamed.getBody().path("priceVersion").asLong()).as("no price change").isEqualTo(1);

        ResponseEntity<JsonNode> repriced = http().put("/api/v1/products/" + code, product(null, "새 이름 " + run, 61000, 40600));
        assertThat(repriced.getBody().path("listPrice").asLong()).isEqualTo(61000);
        assertThat(repriced.getBody().path("priceVersion").asLong()).isEqualTo(2);
        assertThat(events.of(CatalogChanged.class)).extracting(CatalogChanged::what)
                .containsExactly("product " + code, "product " + code);
        assertThat(http().get("/api/v1/products/" + code).getBody().path("listPrice").asLong()).isEqualTo(61000);
    }

    @Test
    void productsAreFoundByPartOfTheCodeOrTheKoreanNameWithoutSpaces() {
        http().post("/api/v1/products", product("T-ELB-" + run, "누전 차단기 검색 " + run, 42000, 29400));

        JsonNode byName = http().get("/api/v1/products?q=누전차단기검색" + run).getBody();
        JsonNode byCode = http().get("/api/v1/products?q=t-elb-" + run.toLowerCase()).getBody();

        assertThat(byName.path("content").findValuesAsText("code")).containsExactly("T-ELB-" + run);
        assertThat(byCode.path("content").findValuesAsText("code")).containsExactly("T-ELB-" + run);
        assertThat(byName.path("page").path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void badProductsAreRefusedAndWriteNothing() {
        int before = count("estimator.products");
        String longName = "가".repeat(201);

        assertProblem(http().post("/api/v1/products", product("T-BAD-" + run, longName, 1000, 500)),
                HttpStatus.BAD_REQUEST, "/problems/validation", "name");
        assertProblem(http().post("/api/v1/products", product("T-BAD-" + run, "음수", -1, 500)),
                HttpStatus.BAD_REQUEST, "/problems/validation", "listPrice");
        assertProblem(http().post("/api/v1/products", """
                {"code":"T-BAD-%s","name":"소수","category":"X","unit":"EA","listPrice":10.5,"cost":1}""".formatted(run)),
                HttpStatus.BAD_REQUEST, "/problems/validation", "listPrice");
        assertProblem(http().post("/api/v1/products", """
                {"code":"T-BAD-%s","name":"형식","category":"X","unit":"EA","listPrice":"열","cost":1}""".formatted(run)),
                HttpStatus.BAD_REQUEST, "/problems/malformed-request", null);
        assertProblem(http().post("/api/v1/products", product("T BAD", "공백 코드", 1000, 500)),
                HttpStatus.BAD_REQUEST, "/problems/validation", "code");

        assertThat(count("estimator.products")).isEqualTo(before);
    }

    @Test
    void productCodesAreUniqueAndCannotChange() {
        String code = "T-DUP-" + run;
        http().post("/api/v1/products", product(code, "중복", 1000, 500));

        assertProblem(http().post("/api/v1/products", product(code, "중복 2", 1000, 500)),
                HttpStatus.CONFLICT, "/problems/conflict", null);
        assertProblem(http().put("/api/v1/products/" + code, product("T-OTHER-" + run, "변경", 1000, 500)),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule", "code");
        assertProblem(http().put("/api/v1/products/T-NONE-" + run, product(null, "없음", 1000, 500)),
                HttpStatus.NOT_FOUND, "/problems/not-found", null);
    }

    @Test
    void customerKeepsItsRegistrationNumberAndPriceList() {
        String list = "T-PL-" + run;
        http().post("/api/v1/price-lists", """
                {"code":"%s","name":"시험 단가표","entries":[]}""".formatted(list));

        ResponseEntity<JsonNode> created = http().post("/api/v1/customers", customer("T-C-" + run, "1248100998", list));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("businessRegistrationNumber").asText()).isEqualTo("124-81-00998");
        assertThat(created.getBody().path("priceListCode").asText()).isEqualTo(list);
        JsonNode found = http().get("/api/v1/customers?q=T-C-" + run).getBody();
        assertThat(found.path("content").findValuesAsText("code")).containsExactly("T-C-" + run);
    }

    @Test
    void customersWithAnInvalidRegistrationNumberOrUnknownPriceListAreRefused() {
        int before = count("estimator.customers");

        assertProblem(http().post("/api/v1/customers", customer("T-C2-" + run, "124-81-00997", null)),
                HttpStatus.BAD_REQUEST, "/problems/validation", "businessRegistrationNumber");
        assertProblem(http().post("/api/v1/customers", customer("T-C2-" + run, "124-81-00998", "NO-SUCH-LIST")),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "priceListCode");

        assertThat(count("estimator.customers")).isEqualTo(before);
    }

    @Test
    void priceListIsReplacedWholeAndABadEntryChangesNothing() {
        String first = "T-PLA-" + run;
        String second = "T-PLB-" + run;
        http().post("/api/v1/products", product(first, "단가 A", 1000, 500));
        http().post("/api/v1/products", product(second, "단가 B", 2000, 900));
        String list = "T-PLX-" + run;

        ResponseEntity<JsonNode> created = http().post("/api/v1/price-lists", """
                {"code":"%s","name":"시험","entries":[
                  {"productCode":"%s","price":900,"validFrom":"2026-01-01","validTo":"2026-06-30"},
                  {"productCode":"%s","price":950,"validFrom":"2026-07-01"}]}""".formatted(list, first, first));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("entries")).hasSize(2);

        assertProblem(http().put("/api/v1/price-lists/" + list, """
                {"name":"시험","entries":[
                  {"productCode":"%s","price":1800,"validFrom":"2026-01-01"},
                  {"productCode":"NO-SUCH-%s","price":1,"validFrom":"2026-01-01"}]}""".formatted(second, run)),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/unknown-reference", "entries[1].productCode");
        assertProblem(http().put("/api/v1/price-lists/" + list, """
                {"name":"시험","entries":[{"productCode":"%s","price":1,"validFrom":"2026-05-01","validTo":"2026-04-30"}]}"""
                .formatted(second)), HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule", "entries[0].validTo");
        assertProblem(http().put("/api/v1/price-lists/" + list, """
                {"name":"시험","entries":[{"productCode":"%s","price":1,"validFrom":"2026-05-01"},
                                         {"productCode":"%s","price":2,"validFrom":"2026-05-01"}]}"""
                .formatted(second, second)), HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule", "entries[1].validFrom");
        assertThat(http().get("/api/v1/price-lists/" + list).getBody().path("entries").findValuesAsText("productCode"))
                .containsExactly(first, first);

        ResponseEntity<JsonNode> replaced = http().put("/api/v1/price-lists/" + list, """
                {"name":"시험 2","entries":[{"productCode":"%s","price":900,"validFrom":"2026-01-01"},
                                           {"productCode":"%s","price":1800,"validFrom":"2026-01-01"}]}"""
                .formatted(first, second));
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getBody().path("name").asText()).isEqualTo("시험 2");
        assertThat(replaced.getBody().path("entries").findValuesAsText("productCode")).containsExactly(first, second);
        assertThat(events.of(CatalogChanged.class)).extracting(CatalogChanged::what)
                .containsExactly("price list " + list);
    }

    @Test
    void volumeTierScaleIsReplacedWholeAndDuplicateStepsAreRefused() {
        JsonNode original = http().get("/api/v1/volume-tiers").getBody();
        try {
            assertProblem(http().put("/api/v1/volume-tiers", """
                    {"tiers":[{"minQuantity":10,"discountRate":2},{"minQuantity":10.0,"discountRate":3}]}"""),
                    HttpStatus.UNPROCESSABLE_ENTITY, "/problems/business-rule", "tiers[1].minQuantity");
            assertProblem(http().put("/api/v1/volume-tiers", """
                    {"tiers":[{"minQuantity":10,"discountRate":101}]}"""),
                    HttpStatus.BAD_REQUEST, "/problems/validation", "tiers[0].discountRate");
            assertThat(http().get("/api/v1/volume-tiers").getBody()).isEqualTo(original);

            ResponseEntity<JsonNode> replaced = http().put("/api/v1/volume-tiers", """
                    {"tiers":[{"minQuantity":100,"discountRate":5},{"category":"CABLE","minQuantity":500,"discountRate":3},
                              {"minQuantity":10,"discountRate":2.5}]}""");
            assertThat(replaced.getBody().path("tiers").findValuesAsText("minQuantity")).containsExactly("10", "100", "500");
            assertThat(replaced.getBody().path("tiers").get(0).path("discountRate").decimalValue()).isEqualByComparingTo("2.5");
        } finally {
            http().put("/api/v1/volume-tiers", original.toString());
        }
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static String product(String code, String name, long listPrice, long cost) {
        return """
                {%s"name":"%s","spec":"AC 460V","category":"BREAKER","unit":"EA","listPrice":%d,"cost":%d}"""
                .formatted(code == null ? "" : "\"code\":\"" + code + "\",", name, listPrice, cost);
    }

    private static String customer(String code, String brn, String priceList) {
        return """
                {"code":"%s","name":"(주)시험전기","businessRegistrationNumber":"%s","tier":"A",%s
                 "contactName":"홍길동","contactEmail":"buyer@test.example","contactPhone":"02-555-0199"}"""
                .formatted(code, brn, priceList == null ? "" : "\"priceListCode\":\"" + priceList + "\",");
    }
}
