package com.kis.estimator.erp;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Await;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.erp.importing.CsvEncoding;
import com.kis.estimator.erp.process.SourceLock;
import com.kis.estimator.platform.crypto.ColumnCipher;
import com.kis.estimator.platform.settings.RuntimeSetting;
import com.kis.estimator.platform.settings.RuntimeSettings;

/**
 * The ERP import end to end on PostgreSQL and Redis: POST /api/v1/erp/import → the erp-import process → the
 * catalog tables and GET /api/v1/erp/sync. Imports, re-imports, changed prices, refused rows and files, the
 * review by ops, a crash during apply, and two imports of one source.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErpImportTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired SourceLock lock;
    @Autowired RuntimeSettings settings;
    @Autowired ColumnCipher cipher;

    RuntimeSetting threshold;

    @BeforeAll
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
        // Files of a handful of rows: one bad row is a large share; the review tests use more than half bad.
        threshold = settings.declaration("erp.review-threshold-percent").orElseThrow();
        settings.set(threshold, 50, "test");
    }

    @AfterAll
    void tearDown() {
        settings.reset(threshold);
    }

    @Test
    void productsImportFromCp949WithKoreanHeadersAndReimportChangesNothing() {
        String p = "T-ERP-A-" + run;
        byte[] file = """
                품목코드,품목명,규격,분류,단위,판매단가,원가,사용여부
                %1$s-1,"배선용 차단기, 3P",AC 460V 100A,BREAKER,EA,"152,000",98000,Y
                %1$s-2,누전 차단기,,BREAKER,EA,88000,61000,사용
                %1$s-3,케이블 트레이,폭 300,TRAY,M,12000,8000,N
                """.formatted(p).getBytes(CsvEncoding.CP949);

        JsonNode first = awaitEnd(accepted(upload("products", "", "품목.csv", file)));

        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(counts(first)).containsExactly(3L, 0L, 0L, 0L, 0L);
        assertThat(first.get("totalRows").asLong()).isEqualTo(3);
        assertThat(first.get("fileName").asText()).isEqualTo("품목.csv");
        assertThat(jdbc.queryForMap("SELECT name, spec, list_price, active, price_version FROM estimator.products"
                + " WHERE code = ?", p + "-1")).containsEntry("name", "배선용 차단기, 3P")
                .containsEntry("spec", "AC 460V 100A").containsEntry("active", true)
                .containsEntry("price_version", 1L)
                .satisfies(row -> assertThat(row.get("list_price").toString()).isEqualTo("152000"));
        assertThat(jdbc.queryForObject("SELECT active FROM estimator.products WHERE code = ?", Boolean.class,
                p + "-3")).isFalse();

        JsonNode again = awaitEnd(accepted(upload("products", "", "품목.csv", file)));

        assertThat(again.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(counts(again)).containsExactly(0L, 0L, 3L, 0L, 0L);
        assertThat(again.get("checksum").asText()).isEqualTo(first.get("checksum").asText());
        assertThat(jdbc.queryForObject("SELECT MAX(version) FROM estimator.products WHERE code LIKE ?", Long.class,
                p + "-%")).isZero();
    }

    @Test
    void changedPricesBumpThePriceVersionAndAFullSnapshotDeactivatesWhatTheErpDropped() {
        String p = "T-ERP-B-" + run;
        awaitEnd(accepted(upload("products", "", "p.csv", products(p, 1, 2, 3))));

        String changed = """
                product_code,name,spec,category,unit,list_price,cost,active
                %1$s-1,Product 1,,CAT,EA,1100,500,Y
                %1$s-2,Product 2 renamed,,CAT,EA,2000,1000,Y
                %1$s-4,Product 4,,CAT,EA,4000,2000,Y
                """.formatted(p);
        JsonNode result = awaitEnd(accepted(upload("products", "fullSnapshot=true", "p.csv", utf8(changed))));

        // 4 new; 1 repriced, 2 renamed; 3 dropped from the snapshot, so deactivated (other tests' products too,
        // but only those not from this class's run are in the count; we check ours).
        assertThat(result.get("inserted").asLong()).isEqualTo(1);
        assertThat(result.get("updated").asLong()).isEqualTo(2);
        assertThat(result.get("deactivated").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(version(p + "-1")).isEqualTo(2);
        assertThat(version(p + "-2")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT active FROM estimator.products WHERE code = ?", Boolean.class,
                p + "-3")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE demo AND NOT active",
                Long.class)).isZero();
    }

    @Test
    void changedPricesFlagTheDraftsTheyAffect() {
        String p = "T-ERP-K-" + run;
        awaitEnd(accepted(upload("products", "", "p.csv", products(p, 1, 2))));
        awaitEnd(accepted(upload("customers", "", "c.csv", utf8("customer_code,name,business_registration_number,tier\n"
                + p + "-C,가나 상사,101-81-23455,GOLD\n"))));
        JsonHttp sales = JsonHttp.as(rest, "sales1");
        ResponseEntity<JsonNode> affected = sales.post("/api/v1/estimates",
                "{\"customerCode\":\"%1$s-C\",\"items\":[{\"productCode\":\"%1$s-1\",\"quantity\":2}]}".formatted(p));
        ResponseEntity<JsonNode> untouched = sales.post("/api/v1/estimates",
                "{\"customerCode\":\"%1$s-C\",\"items\":[{\"productCode\":\"%1$s-2\",\"quantity\":2}]}".formatted(p));
        assertThat(affected.getStatusCode()).as(String.valueOf(affected.getBody())).isEqualTo(HttpStatus.CREATED);

        String repriced = "product_code,name,spec,category,unit,list_price,cost,active\n"
                + p + "-1,Product 1,,CAT,EA,1200,500,Y\n";
        awaitEnd(accepted(upload("products", "", "p.csv", utf8(repriced))));

        long id = affected.getBody().get("id").asLong();
        JsonNode flagged = await(() -> {
            JsonNode page = sales.get("/api/v1/estimates?pricesStale=true&customer=" + p + "-C").getBody();
            return page.get("content").size() > 0 ? page : null;
        }, "the affected draft to be flagged");
        assertThat(flagged.get("content")).extracting(e -> e.get("id").asLong()).containsExactly(id);
        assertThat(flagged.get("content").get(0).get("pricesStaleSince").isNull()).isFalse();
        assertThat(sales.get("/api/v1/estimates/" + id).getBody().get("pricesStale").asBoolean()).isTrue();
        assertThat(sales.get("/api/v1/estimates/" + untouched.getBody().get("id").asLong()).getBody()
                .get("pricesStale").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT detail FROM estimator.estimate_history WHERE estimate_id = ?"
                + " AND action = 'PRICES_STALE'", String.class, id)).contains("ERP import");
    }

    @Test
    void pricesCreateTheirPriceListAndAPriceForAnUnknownProductIsRejected() {
        String p = "T-ERP-C-" + run;
        awaitEnd(accepted(upload("products", "", "p.csv", products(p, 1, 2))));
        String prices = """
                단가표,품목코드,단가,적용시작일,적용종료일
                PL-%1$s,%1$s-1,900,2026-01-01,
                PL-%1$s,%1$s-2,1800,2026/01/01,2026.12.31
                PL-%1$s,%1$s-2,1700,20270101,
                """.formatted(p);

        JsonNode result = awaitEnd(accepted(upload("prices", "", "단가.csv", utf8(prices))));

        assertThat(counts(result)).containsExactly(3L, 0L, 0L, 0L, 0L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.price_list_entries e"
                + " JOIN estimator.price_lists l ON l.id = e.price_list_id WHERE l.code = ?", Long.class, "PL-" + p))
                .isEqualTo(3);

        String withUnknown = prices + "PL-%1$s,%1$s-404,100,2026-01-01,\n".formatted(p);
        JsonNode second = awaitEnd(accepted(upload("prices", "", "단가.csv", utf8(withUnknown))));

        assertThat(second.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(counts(second)).containsExactly(0L, 0L, 3L, 1L, 0L);
        assertThat(second.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(second.get("rejectedRows").get(0).get("column").asText()).isEqualTo("product_code");
        assertThat(second.get("rejectedRows").get(0).get("reason").asText()).contains("does not exist");
    }

    @Test
    void customersAreStoredEncryptedAndABadRegistrationNumberIsRejected() {
        String c = "T-ERP-D-" + run;
        String customers = """
                거래처코드,거래처명,사업자등록번호,등급,단가표
                %1$s-1,주식회사 가나,101-81-23455,GOLD,
                %1$s-2,다라 상사,1018123450,SILVER,
                %1$s-3,마바 산업,2208162517,GOLD,
                """.formatted(c);

        JsonNode result = awaitEnd(accepted(upload("customers", "", "거래처.csv", utf8(customers))));

        assertThat(counts(result)).containsExactly(2L, 0L, 0L, 1L, 0L);
        assertThat(result.get("rejectedRows").get(0).get("column").asText()).isEqualTo("business_registration_number");
        Map<String, Object> stored = jdbc.queryForMap("SELECT business_registration_number AS brn,"
                + " business_registration_number_index AS idx, tier FROM estimator.customers WHERE code = ?", c + "-1");
        assertThat(stored.get("brn").toString()).startsWith("enc:v1:").doesNotContain("1018123455");
        assertThat(cipher.decrypt(stored.get("brn").toString())).isEqualTo("1018123455");
        assertThat(stored.get("idx")).isEqualTo(cipher.blindIndex("1018123455"));
    }

    @Test
    void badRowsAreEachReportedWithLineAndColumnAndOpsReviewBeforeTheRestApplies() {
        String p = "T-ERP-E-" + run;
        String file = """
                product_code,name,spec,category,unit,list_price,cost,active
                %1$s-1,Good 1,,CAT,EA,100,50,Y
                %1$s-2,=HYPERLINK(evil),,CAT,EA,100,50,Y
                %1$s-3,Negative,,CAT,EA,-5,50,Y
                %1$s-4,Not a number,,CAT,EA,abc,50,Y
                %1$s-1,Twice,,CAT,EA,100,50,Y
                %1$s-5,Good 5,,CAT,EA,100,50,Y
                %1$s-6,Good 6,@SUM(1),CAT,EA,100,50,Y
                """.formatted(p);

        JsonNode review = awaitState(accepted(upload("products", "", "bad.csv", utf8(file))), "REVIEW");

        assertThat(review.get("rejected").asLong()).isEqualTo(6);
        assertThat(review.get("rejectedRows")).extracting(r -> r.get("line").asLong() + ":" + r.get("column").asText())
                .containsExactly("2:product_code", "3:name", "4:list_price", "5:list_price", "6:product_code",
                        "8:spec");
        assertThat(review.get("rejectedRows").get(1).get("reason").asText()).contains("formula");
        assertThat(review.get("rejectedRows").get(2).get("reason").asText()).contains("negative");
        assertThat(review.get("rejectedRows").get(4).get("reason").asText()).contains("more than once");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE code LIKE ?", Long.class,
                p + "-%")).isZero();

        ProcessInstance instance = instance(review);
        assertThat(instance).isWaitingAt("ReviewImport");
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "ops".equals(link.getGroupId()));
        assertThat(tasks.getVariable(task.getId(), "rejectionSummary").toString()).contains("line 3: name starts with '='");
        tasks.setAssignee(task.getId(), "ops1");
        tasks.complete(task.getId(), Map.of("reviewDecision", "APPLY", "reviewComment", "the ERP will fix the rest"));

        JsonNode applied = awaitEnd(review.get("importId").asText());
        assertThat(applied.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(applied.get("outcome").asText()).contains("ops1");
        assertThat(counts(applied)).containsExactly(1L, 0L, 0L, 6L, 0L);
        assertThat(jdbc.queryForList("SELECT code FROM estimator.products WHERE code LIKE ?", String.class,
                p + "-%")).containsExactly(p + "-5");
        awaitProcessEnd(instance.getId());
        assertThat(instance).isEnded().hasPassed("Apply", "Complete", "ReleaseLock");
    }

    @Test
    void anXlsxWorkbookImportsLikeItsCsvWithRowNumbersAsExcelShowsThem() throws Exception {
        String p = "T-ERP-X-" + run;
        byte[] workbook;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("단가");
            var money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            String[] header = {"품목코드", "품목명", "분류", "단위", "판매단가", "원가"};
            var first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int n = 1; n <= 3; n++) {
                var row = sheet.createRow(n);
                row.createCell(0).setCellValue(p + "-" + n);
                row.createCell(1).setCellValue("엑셀 품목 " + n);
                row.createCell(2).setCellValue("BREAKER");
                row.createCell(3).setCellValue("EA");
                var price = row.createCell(4);
                price.setCellValue(n == 3 ? -1000 : 152000 * n);
                price.setCellStyle(money);
                row.createCell(5).setCellFormula("E" + (n + 1) + "*0.6");
            }
            // as Excel does on saving: a formula cell keeps its computed value, which is what the import reads
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            workbook = out.toByteArray();
        }

        JsonNode result = awaitEnd(accepted(upload("products", "", "품목.xlsx", workbook)));

        assertThat(result.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(counts(result)).containsExactly(2L, 0L, 0L, 1L, 0L);
        // sheet row 4 (a negative price, and so a negative cost from its formula)
        assertThat(result.get("rejectedRows")).extracting(r -> r.get("line").asLong() + ":" + r.get("column").asText())
                .containsExactly("4:cost", "4:list_price");
        assertThat(jdbc.queryForMap("SELECT list_price, cost FROM estimator.products WHERE code = ?", p + "-2"))
                .satisfies(row -> {
                    assertThat(row.get("list_price").toString()).isEqualTo("304000");
                    assertThat(row.get("cost").toString()).isEqualTo("182400");
                });
        assertProblem(upload("products", "", "broken.xlsx", concat(new byte[] {'P', 'K', 3, 4}, new byte[100])),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused");
    }

    @Test
    void aCancelledReviewAppliesNothing() {
        String p = "T-ERP-F-" + run;
        String file = "product_code,name,spec,category,unit,list_price,cost,active\n"
                + p + "-1,Good,,CAT,EA,100,50,Y\n" + p + "-2,Bad,,CAT,EA,-1,50,Y\n" + p + "-3,Bad,,CAT,EA,x,50,Y\n";
        JsonNode review = awaitState(accepted(upload("products", "", "bad.csv", utf8(file))), "REVIEW");
        Task task = tasks.createTaskQuery().processInstanceId(instance(review).getId()).singleResult();

        tasks.setAssignee(task.getId(), "ops1");
        tasks.complete(task.getId(), Map.of("reviewDecision", "CANCEL"));

        JsonNode cancelled = awaitEnd(review.get("importId").asText());
        assertThat(cancelled.get("state").asText()).isEqualTo("FAILED");
        assertThat(cancelled.get("outcome").asText()).contains("cancelled in review by ops1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE code LIKE ?", Long.class,
                p + "-%")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.erp_staged_products", Long.class)).isZero();
    }

    @Test
    void filesThatCannotBeImportsAreRefusedAtOnceAndRecordNothing() {
        long runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.erp_sync_logs", Long.class);
        byte[] mixed = concat("품목코드,품목명,분류,단위,판매단가,원가\n".getBytes(StandardCharsets.UTF_8),
                "X-1,배선용 차단기,A,EA,1,1\n".getBytes(CsvEncoding.CP949));

        assertProblem(upload("products", "", "empty.csv", new byte[0]), HttpStatus.UNPROCESSABLE_ENTITY,
                "/problems/import-file-refused");
        assertProblem(upload("products", "", "header.csv", utf8("product_code,name,category,unit,list_price,cost\n")),
                HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused");
        ResponseEntity<JsonNode> missing = upload("products", "", "missing.csv", utf8("product_code,name\nA,B\n"));
        assertProblem(missing, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused");
        assertThat(missing.getBody().get("detail").asText()).contains("category", "unit", "list_price", "cost");
        ResponseEntity<JsonNode> unknown = upload("products", "", "extra.csv",
                utf8("product_code,name,category,unit,list_price,cost,재고수량\nA,B,C,EA,1,1,5\n"));
        assertProblem(unknown, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused");
        assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("재고수량");
        ResponseEntity<JsonNode> encoding = upload("products", "", "mixed.csv", mixed);
        assertProblem(encoding, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused");
        assertThat(encoding.getBody().get("errors").get(0).get("line").asLong()).isEqualTo(2);
        assertProblem(upload("products", "", "big.csv", new byte[1024 * 1024 + 1]), HttpStatus.PAYLOAD_TOO_LARGE,
                "/problems/payload-too-large");
        assertProblem(upload("stock", "", "p.csv", products("X", 1)), HttpStatus.BAD_REQUEST, "/problems/validation");
        assertProblem(upload("products", "encoding=klingon", "p.csv", products("X", 1)), HttpStatus.BAD_REQUEST,
                "/problems/validation");
        assertProblem(JsonHttp.as(rest, "sales1").get("/api/v1/erp/sync"), HttpStatus.FORBIDDEN, "/problems/forbidden");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.erp_sync_logs", Long.class)).isEqualTo(runsBefore);
    }

    @Test
    void aTruncatedFileFailsWithItsLineAndAppliesNothing() {
        String p = "T-ERP-G-" + run;
        String truncated = "product_code,name,spec,category,unit,list_price,cost,active\n"
                + p + "-1,Good,,CAT,EA,100,50,Y\n" + p + "-2,\"Cut off here,,CAT,EA,100,50,Y\n";

        JsonNode failed = awaitEnd(accepted(upload("products", "", "cut.csv", utf8(truncated))));

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("outcome").asText()).contains("line 3", "truncated");
        assertThat(failed.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE code LIKE ?", Long.class,
                p + "-%")).isZero();
        awaitProcessEnd(failed.get("processInstanceId").asText());
        assertThat(passed(failed, "RecordFailure")).isTrue();
        assertThat(passed(failed, "ReleaseLock")).isTrue();
        assertThat(passed(failed, "Apply")).isFalse();
    }

    @Test
    void jsonRowsImportLikeAFile() {
        String p = "T-ERP-H-" + run;
        String body = """
                [{"product_code": "%1$s-1", "name": "JSON 1", "category": "CAT", "unit": "EA", "list_price": 1000,
                  "cost": 600, "active": true},
                 {"품목코드": "%1$s-2", "name": "JSON 2", "category": "CAT", "unit": "EA", "list_price": 2000,
                  "cost": 1200}]""".formatted(p);
        ResponseEntity<JsonNode> refused = ops().post("/api/v1/erp/import?type=products", body);
        // the two rows name the code column differently: the header has it twice
        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused");

        String rows = body.replace("\"품목코드\"", "\"product_code\"");
        JsonNode result = awaitEnd(accepted(ops().post("/api/v1/erp/import?type=products", "{\"rows\": " + rows + "}")));

        assertThat(counts(result)).containsExactly(2L, 0L, 0L, 0L, 0L);
        assertProblem(ops().post("/api/v1/erp/import?type=products", "{\"rows\": 3}"), HttpStatus.BAD_REQUEST,
                "/problems/validation");
    }

    @Test
    void aCrashDuringApplyLeavesTheCatalogAsItWasAndTheRetryCompletes() {
        String p = "T-ERP-I-" + run;
        // The crash: the run's counts are written last in the apply transaction, after the upsert.
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION erp_ai.test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'simulated crash during apply'; END $$""");
        jdbc.execute("CREATE TRIGGER test_crash BEFORE UPDATE ON erp_ai.erp_sync_logs FOR EACH ROW"
                + " WHEN (NEW.file_name = 'crash.csv' AND NEW.inserted IS NOT NULL) EXECUTE FUNCTION erp_ai.test_crash()");
        try {
            ResponseEntity<JsonNode> response = upload("products", "", "crash.csv", products(p, 1, 2));
            String importId = accepted(response);
            String processInstanceId = response.getBody().get("processInstanceId").asText();
            Job failed = await(() -> management.createJobQuery().processInstanceId(processInstanceId)
                    .withException().singleResult(), "the apply job to fail");

            assertThat(failed.getExceptionMessage()).contains("simulated crash");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE code LIKE ?", Long.class,
                    p + "-%")).isZero();
            assertThat(status(importId).get("state").asText()).isEqualTo("RUNNING");

            jdbc.execute("DROP TRIGGER test_crash ON erp_ai.erp_sync_logs");
            management.executeJob(failed.getId());

            JsonNode done = awaitEnd(importId);
            assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(counts(done)).containsExactly(2L, 0L, 0L, 0L, 0L);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS test_crash ON erp_ai.erp_sync_logs");
        }
    }

    @Test
    void aSecondImportOfOneSourceWaitsForTheFirst() {
        String p = "T-ERP-J-" + run;
        // The first import stops for review and keeps its source meanwhile.
        String bad = "product_code,name,spec,category,unit,list_price,cost,active\n"
                + p + "-1,Good,,CAT,EA,100,50,Y\n" + p + "-2,Bad,,CAT,EA,-1,50,Y\n" + p + "-3,Bad,,CAT,EA,-1,50,Y\n";
        JsonNode first = awaitState(accepted(upload("products", "", "first.csv", utf8(bad))), "REVIEW");
        String second = accepted(upload("products", "", "second.csv", products(p, 7)));

        ProcessInstance waiting = await(() -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(second)
                    .singleResult();
            return instance != null && runtime.getActiveActivityIds(instance.getId()).contains("WaitForSource")
                    ? instance : null;
        }, "the second import to wait for the source");
        assertThat(lock.holder("products")).isEqualTo(first.get("importId").asText());
        assertThat(status(second).get("state").asText()).isEqualTo("RUNNING");
        assertThat(ops().get("/api/v1/erp/sync").getBody().get("sources")).anySatisfy(source -> {
            assertThat(source.get("source").asText()).isEqualTo("products");
            assertThat(source.get("runningImport").asText()).isEqualTo(first.get("importId").asText());
        });

        Task review = tasks.createTaskQuery().processInstanceId(instance(first).getId()).singleResult();
        tasks.setAssignee(review.getId(), "ops1");
        tasks.complete(review.getId(), Map.of("reviewDecision", "CANCEL"));

        assertThat(awaitEnd(second).get("state").asText()).isEqualTo("COMPLETED");
        awaitProcessEnd(waiting.getId());
        assertThat(waiting).isEnded().hasPassed("WaitForSource", "Apply");
        assertThat(lock.holder("products")).isNull();
    }

    @Test
    void unknownImportsAnswer404() {
        assertProblem(ops().get("/api/v1/erp/sync/6f1c3f36-8f1e-4a55-9c1c-000000000000"), HttpStatus.NOT_FOUND,
                "/problems/not-found");
        assertProblem(ops().get("/api/v1/erp/sync/not-a-uuid"), HttpStatus.BAD_REQUEST, "/problems/invalid-parameter");
    }

    // --- helpers ---

    private JsonHttp ops() {
        return JsonHttp.as(rest, "ops1");
    }

    private ResponseEntity<JsonNode> upload(String type, String query, String fileName, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return JsonHttp.signedIn(rest, "ops1").postForEntity("/api/v1/erp/import?type=" + type
                + (query.isEmpty() ? "" : "&" + query), new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private static String accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getHeaders().getLocation()).hasToString(response.getBody().get("statusUrl").asText());
        assertThat(response.getBody().get("processInstanceId").asText()).isNotBlank();
        return response.getBody().get("importId").asText();
    }

    private JsonNode status(String importId) {
        ResponseEntity<JsonNode> response = ops().get("/api/v1/erp/sync/" + importId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode awaitEnd(String importId) {
        return awaitState(importId, "COMPLETED", "FAILED");
    }

    private JsonNode awaitState(String importId, String... states) {
        return await(() -> {
            JsonNode status = status(importId);
            return List.of(states).contains(status.get("state").asText()) ? status : null;
        }, "import " + importId + " to reach " + String.join(" or ", states));
    }

    private static <T> T await(java.util.function.Supplier<T> probe, String what) {
        return Await.until(what, probe);
    }

    /** A run is COMPLETED or FAILED once its sync log is written; its instance ends after releasing the lock. */
    private void awaitProcessEnd(String processInstanceId) {
        await(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult() == null
                ? Boolean.TRUE : null, "process instance " + processInstanceId + " to end");
    }

    /** The running process instance of an import. */
    private ProcessInstance instance(JsonNode status) {
        return runtime.createProcessInstanceQuery().processInstanceId(status.get("processInstanceId").asText())
                .singleResult();
    }

    private boolean passed(JsonNode status, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(status.get("processInstanceId").asText())
                .activityId(activityId).finished().count() > 0;
    }

    private long version(String code) {
        return jdbc.queryForObject("SELECT price_version FROM estimator.products WHERE code = ?", Long.class, code);
    }

    private static List<Long> counts(JsonNode status) {
        List<Long> counts = new ArrayList<>();
        for (String name : List.of("inserted", "updated", "unchanged", "rejected", "deactivated")) {
            counts.add(status.get(name).asLong());
        }
        return counts;
    }

    private static byte[] products(String prefix, int... numbers) {
        StringBuilder csv = new StringBuilder("product_code,name,spec,category,unit,list_price,cost,active\n");
        IntStream.of(numbers).forEach(n -> csv.append(prefix).append('-').append(n).append(",Product ").append(n)
                .append(",,CAT,EA,").append(n * 1000).append(',').append(n * 500).append(",Y\n"));
        return utf8(csv.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
