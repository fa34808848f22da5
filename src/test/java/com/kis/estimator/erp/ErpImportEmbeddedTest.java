package com.kis.estimator.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ERP import in the embedded default (H2, batched inserts instead of COPY, the same MERGE statements):
 * products, prices and customers in, a re-import unchanged, a full snapshot that spares the demo catalog; and
 * the outbound feed with target {@code file}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErpImportEmbeddedTest {

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("kis-embedded-erp-").toString();
        registry.add("kis.data-dir", () -> dataDir);
        // the outbound feed as files, polled quickly
        outbound = java.nio.file.Path.of(dataDir, "outbound");
        registry.add("kis.erp.outbound.target", () -> "file");
        registry.add("kis.erp.outbound.directory", outbound::toString);
        registry.add("kis.erp.outbound.poll-period", () -> "300");
    }

    static java.nio.file.Path outbound;

    @Autowired TestRestTemplate http;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired DataSource dataSource;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired com.kis.estimator.platform.settings.RuntimeSettings settings;

    @Test
    void productsPricesAndCustomersImportOnH2() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // one bad row in three would stop the import for review at the default threshold
        settings.set(settings.declaration("erp.review-threshold-percent").orElseThrow(), 50, "test");
        long demoActive = jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE demo AND active", Long.class);
        String products = """
                product_code,name,spec,category,unit,list_price,cost,active
                H2-1,"Breaker, 3P",,BREAKER,EA,152000,98000,Y
                H2-2,Tray,,TRAY,M,12000,8000,N
                H2-3,Bad,,TRAY,M,-1,8000,N
                """;
        JsonNode first = awaitEnd(upload("products", "fullSnapshot=true", products));
        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(first.get("inserted").asLong()).isEqualTo(2);
        assertThat(first.get("rejected").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM estimator.products WHERE demo AND active", Long.class))
                .isEqualTo(demoActive);

        JsonNode again = awaitEnd(upload("products", "", products.replace("152000", "150000")));
        assertThat(again.get("updated").asLong()).isEqualTo(1);
        assertThat(again.get("unchanged").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT price_version FROM estimator.products WHERE code = 'H2-1'", Long.class))
                .isEqualTo(2);

        JsonNode prices = awaitEnd(upload("prices", "fullSnapshot=true", """
                price_list,product_code,price,valid_from,valid_to
                PL-H2,H2-1,140000,2026-01-01,
                PL-H2,H2-2,11000,2026-01-01,2026-12-31
                """));
        assertThat(prices.get("inserted").asLong()).isEqualTo(2);

        JsonNode customers = awaitEnd(upload("customers", "", """
                customer_code,name,business_registration_number,tier,price_list
                H2-C1,가나 상사,101-81-23455,GOLD,PL-H2
                H2-C2,다라 상사,101-81-23455,GOLD,PL-NONE
                """));
        assertThat(customers.get("inserted").asLong()).isEqualTo(1);
        assertThat(customers.get("rejectedRows").get(0).get("reason").asText()).contains("PL-NONE");
        Map<String, Object> stored = jdbc.queryForMap("SELECT c.tier, l.code FROM estimator.customers c"
                + " JOIN estimator.price_lists l ON l.id = c.price_list_id WHERE c.code = 'H2-C1'");
        assertThat(stored).containsEntry("TIER", "GOLD").containsEntry("CODE", "PL-H2");
    }

    @Test
    void anApprovedEstimateIsWrittenAsAFileWhenTheTargetIsFile() throws IOException {
        transaction.executeWithoutResult(status -> events.publishEvent(new com.kis.estimator.estimate.EstimateApproved(
                9L, "Q-FILE-1", 3, "H2-C1", new java.math.BigDecimal("770000"), "sales1")));

        java.nio.file.Path file = outbound.resolve("Q-FILE-1-r3.json");
        com.kis.estimator.Await.until(file.toString(), () -> Files.exists(file) ? file : null);
        assertThat(Files.readString(file)).contains("\"estimateNumber\":\"Q-FILE-1\"", "\"revision\":3",
                "\"total\":770000");
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT state FROM erp_ai.erp_outbound WHERE message_key = 'Q-FILE-1-r3'", String.class))
                .isEqualTo("SENT");
    }

    private String upload(String type, String query, String csv) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return type + ".csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = http.withBasicAuth("ops1", "ops1").postForEntity(
                "/api/v1/erp/import?type=" + type + (query.isEmpty() ? "" : "&" + query),
                new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody().get("importId").asText();
    }

    private JsonNode awaitEnd(String importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = http.withBasicAuth("ops1", "ops1").getForObject("/api/v1/erp/sync/" + importId,
                    JsonNode.class);
            if (status.get("state").asText().matches("COMPLETED|FAILED")) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        var jobs = management.createJobQuery().list().stream().map(job -> job.getId() + " due " + job.getDuedate()
                + " retries " + job.getRetries() + " " + job.getExceptionMessage()).toList();
        var activities = runtime.createProcessInstanceQuery().processInstanceBusinessKey(importId).list().stream()
                .map(instance -> runtime.getActiveActivityIds(instance.getId())).toList();
        throw new AssertionError("import " + importId + " did not end: jobs " + jobs + ", at " + activities);
    }
}
