package com.kis.estimator.ocr;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kis.estimator.Await;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.ProdClient;
import com.kis.estimator.TestTokens;
import com.kis.estimator.ocr.extraction.ExtractedRfq;
import com.kis.estimator.ocr.inbox.OcrInboxProperties;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Document intake end to end on real Tesseract, PostgreSQL and Keycloak: generated RFQs through the upload and
 * the inbox route, read and extracted (accuracy counted line by line), reviewed in the Tasklist way (a JSON
 * form submit) and through the API, down to the draft estimate that links back to its document; and every kind
 * of bad file refused with nothing left behind.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentIntakeTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ObjectMapper json;
    @Autowired OcrInboxProperties inbox;
    @Autowired MeterRegistry meters;
    @Autowired @Qualifier("ocr") HealthIndicator ocrHealth;

    @BeforeAll
    void registerEngineAndSeedTheCatalog() throws Exception {
        ProcessEngines.registerProcessEngine(engine);
        // the RFQs quote the demo catalog, which the prod profile does not load; created once per database
        JsonHttp admin = JsonHttp.as(rest, "admin");
        for (var product : RfqSamples.PRODUCTS) {
            if (admin.get("/api/v1/products/" + product.code()).getStatusCode() == HttpStatus.NOT_FOUND) {
                ResponseEntity<JsonNode> created = admin.post("/api/v1/products", json.writeValueAsString(Map.of(
                        "code", product.code(), "name", product.name(), "spec", product.spec(),
                        "category", product.category(), "unit", product.unit(), "listPrice", product.listPrice(),
                        "cost", product.cost(), "active", product.active())));
                assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            }
        }
        for (var customer : RfqSamples.CUSTOMERS) {
            if (admin.get("/api/v1/customers/" + customer.code()).getStatusCode() == HttpStatus.NOT_FOUND) {
                ResponseEntity<JsonNode> created = admin.post("/api/v1/customers", json.writeValueAsString(Map.of(
                        "code", customer.code(), "name", customer.name(),
                        "businessRegistrationNumber", customer.businessRegistrationNumber(),
                        "tier", customer.tier())));
                assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            }
        }
    }

    @Test
    void anUploadedRfqIsReadExtractedAndReviewedIntoADraftEstimate() throws Exception {
        RfqPages.Rfq rfq = RfqSamples.rfq(System.nanoTime(), 10);
        byte[] png = RfqPages.png(RfqPages.page(rfq));

        ResponseEntity<JsonNode> accepted = upload("sales1", "rfq-" + rfq.documentNumber() + ".png", png, null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().get("documentId").asText();
        assertThat(accepted.getBody().get("duplicate").asBoolean()).isFalse();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/ocr/documents/" + id);

        JsonNode document = awaitStatus(id, "EXTRACTED");
        assertThat(document.get("pageCount").asInt()).isEqualTo(1);
        assertThat(document.get("text").asText()).contains(rfq.documentNumber());
        assertThat(document.at("/timings/ocrMs").asLong()).isPositive();
        assertThat(document.at("/timings/msPerPage").asLong()).isPositive();
        assertThat(document.at("/pages/0/ocrConfidence").asDouble()).isGreaterThan(60);
        ExtractedRfq extracted = json.treeToValue(document.get("extraction"), ExtractedRfq.class);
        ExtractionScore score = ExtractionScore.of(rfq, extracted);
        assertThat(score.accuracy()).as("lines exact: %s", score.misses()).isGreaterThanOrEqualTo(0.9);
        String customer = RfqSamples.customerNamed(rfq.customerName()).code();
        assertThat(extracted.customer().code()).isEqualTo(customer);
        assertThat(extracted.documentNumber().value()).isEqualTo(rfq.documentNumber());
        assertThat(extracted.documentDate().value()).isEqualTo(rfq.date());
        assertThat(extracted.lines()).allSatisfy(line -> assertThat(line.confidence()).isBetween(0.0, 1.0));

        // the sender's team mate and ops see the document; another team gets 404 at every door (issue 23)
        for (String user : List.of("sales3", "ops1")) {
            assertThat(JsonHttp.signedIn(rest, user).getForEntity("/api/v1/ocr/documents/" + id + "/file",
                    byte[].class).getBody()).as(user).isEqualTo(png);
            ResponseEntity<byte[]> page = JsonHttp.signedIn(rest, user)
                    .getForEntity("/api/v1/ocr/documents/" + id + "/pages/1/image", byte[].class);
            assertThat(page.getHeaders().getContentType()).as(user).isEqualTo(MediaType.IMAGE_PNG);
        }
        // as a browser asks for them (an image accepts */*)
        HttpHeaders anything = new HttpHeaders();
        anything.setAccept(List.of(MediaType.ALL));
        for (String door : List.of("", "/file", "/pages/1/image")) {
            ResponseEntity<String> refused = JsonHttp.signedIn(rest, "sales2").exchange("/api/v1/ocr/documents/" + id
                    + door, HttpMethod.GET, new HttpEntity<>(anything), String.class);
            assertThat(refused.getStatusCode()).as(door).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody()).as(door).contains("/problems/not-found");
        }

        // nor through the engine's doors: the process's variables (the page image, the lines read) and its task
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        for (String engineDoor : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/task?processInstanceBusinessKey=" + id,
                "/engine-rest/process-instance?businessKey=" + id,
                "/engine-rest/history/variable-instance?processInstanceId=" + instance)) {
            ResponseEntity<String> seen = JsonHttp.signedIn(rest, "sales2").getForEntity(engineDoor, String.class);
            assertThat(seen.getStatusCode()).as(engineDoor).isEqualTo(HttpStatus.OK);
            assertThat(seen.getBody()).as(engineDoor).isEqualTo("[]");
        }
        assertThat(JsonHttp.signedIn(rest, "sales3").getForEntity("/engine-rest/task?processInstanceBusinessKey=" + id,
                String.class).getBody()).as("the door works for the reviewing team").contains(instance);

        ResponseEntity<JsonNode> again = upload("sales1", "same-content.png", png, null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("documentId").asText()).isEqualTo(id);
        assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
        // the same bytes from another team: a document of its own, nothing of the first one told
        ResponseEntity<JsonNode> elsewhere = upload("sales2", "same-content.png", png, null);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(elsewhere.getBody().get("documentId").asText()).isNotEqualTo(id);
        assertThat(elsewhere.getBody().get("duplicate").asBoolean()).isFalse();

        Task review = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("ReviewRfq")
                .singleResult();
        // the name counts the lines read, which the accuracy bound above lets fall one short of the page's 10
        assertThat(review.getName()).contains(rfq.documentNumber(), rfq.customerName(),
                extracted.lines().size() + " lines");
        assertThat(tasks.getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-seoul"))
                .noneSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("sales"));
        assertThat(runtime.getVariableTyped(review.getProcessInstanceId(), "pageImage").getValue().toString())
                .startsWith("\"data:image/png;base64,");

        // the uploader's list leads to the review in Tasklist; the other team's list has its own copy, not this one
        String reviewUrl = "/camunda/app/tasklist/default/#/?task=" + review.getId();
        assertThat(JsonHttp.as(rest, "sales1").get("/api/v1/ocr/documents/" + id).getBody().path("reviewUrl").asText())
                .isEqualTo(reviewUrl);
        JsonNode mine = JsonHttp.as(rest, "sales1").get("/api/v1/ocr/documents?size=100").getBody();
        assertThat(mine.path("content")).filteredOn(listed -> listed.path("id").asText().equals(id)).singleElement()
                .satisfies(listed -> {
                    assertThat(listed.path("status").asText()).isEqualTo("EXTRACTED");
                    assertThat(listed.path("reviewUrl").asText()).isEqualTo(reviewUrl);
                });
        assertThat(JsonHttp.as(rest, "sales2").get("/api/v1/ocr/documents?size=100").getBody().path("content"))
                .noneSatisfy(listed -> assertThat(listed.path("id").asText()).isEqualTo(id));

        // refused reviews leave the task open: an unknown product, an unknown decision, a caller outside sales
        ArrayNode lines = (ArrayNode) json.readTree(runtime.getVariableTyped(review.getProcessInstanceId(), "lines")
                .getValue().toString());
        ArrayNode wrong = lines.deepCopy();
        ((ObjectNode) wrong.get(0)).put("productCode", "NO-SUCH-PRODUCT").put("confirmed", true);
        assertProblem(reviewApi("sales1", id, "CREATE_ESTIMATE", customer, wrong), HttpStatus.UNPROCESSABLE_ENTITY,
                "/problems/business-rule", "lines[0].productCode");
        assertProblem(reviewApi("sales1", id, "MAYBE", customer, lines), HttpStatus.BAD_REQUEST, "/problems/validation");
        assertProblem(reviewApi("ops1", id, "CREATE_ESTIMATE", customer, lines), HttpStatus.CONFLICT, "/problems/conflict");
        // another team's salesperson does not even see the document (issue 23)
        assertProblem(reviewApi("sales2", id, "CREATE_ESTIMATE", customer, lines), HttpStatus.NOT_FOUND, "/problems/not-found");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();

        // what Tasklist sends for the form: the ticked lines' numbers and the corrections; the second line is left
        // out, and the first gets quantity 7
        ArrayNode quoted = json.createArrayNode();
        for (int i = 0; i < lines.size(); i++) {
            if (i != 1 && lines.get(i).get("productCode").isTextual()) {
                quoted.add(String.valueOf(i + 1));
            }
        }
        long confirmed = quoted.size();
        Map<String, Object> submit = Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "CREATE_ESTIMATE"),
                "customerCode", Map.of("value", customer),
                "quotedLines", Map.of("type", "Json", "value", json.writeValueAsString(quoted)),
                "lineCorrections", Map.of("value", "1: 7")));
        ResponseEntity<String> submitted = JsonHttp.signedIn(rest, "sales1").postForEntity(
                "/engine-rest/task/" + review.getId() + "/submit-form", submit, String.class);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode reviewed = awaitStatus(id, "REVIEWED");
        assertThat(reviewed.get("reviewedBy").asText()).isEqualTo("sales1");
        long estimateId = reviewed.get("estimateId").asLong();
        assertThat(reviewed.path("reviewUrl").isNull()).as("no review waits any more").isTrue();
        assertThat(JsonHttp.as(rest, "sales1").get("/api/v1/ocr/documents?size=100").getBody().path("content"))
                .filteredOn(listed -> listed.path("id").asText().equals(id)).singleElement()
                .satisfies(listed -> assertThat(listed.path("estimateId").asLong()).isEqualTo(estimateId));
        JsonNode estimate = JsonHttp.as(rest, "sales1").get("/api/v1/estimates/" + estimateId).getBody();
        assertThat(estimate.get("status").asText()).isEqualTo("DRAFT");
        assertThat(estimate.get("owner").asText()).isEqualTo("sales1");
        assertThat(estimate.at("/customer/code").asText()).isEqualTo(customer);
        assertThat(estimate.get("sourceDocumentId").asText()).isEqualTo(id);
        assertThat(estimate.get("items")).hasSize((int) confirmed);
        assertThat(estimate.get("items").findValuesAsText("productCode"))
                .doesNotContain(lines.get(1).get("productCode").asText());
        if (quoted.has(0) && quoted.get(0).asText().equals("1")) {
            assertThat(estimate.get("items").get(0).get("quantity").decimalValue()).isEqualByComparingTo("7");
        }

        assertThat(meters.counter("kis.ocr.pages").count()).isPositive();
        assertThat(meters.find("kis.ocr.extraction.confidence").summary().count()).isPositive();
        var health = ocrHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("languages", "kor+eng").containsEntry("ompThreadLimit", "1");
        assertThat(String.valueOf(health.getDetails().get("engine"))).startsWith("Tesseract 5");
    }

    @Test
    void aCrookedScanDroppedInTheInboxIsTakenInAndCanBeDiscarded() throws Exception {
        RfqPages.Rfq first = RfqSamples.rfq(System.nanoTime(), 8);
        RfqPages.Rfq second = RfqSamples.rfq(System.nanoTime() + 1, 9);
        byte[] pdf = RfqPages.pdf(List.of(RfqPages.scanned(RfqPages.page(first), 2.0, 11),
                RfqPages.scanned(RfqPages.page(second), -1.5, 12)));
        String name = "scan-" + System.nanoTime() + ".pdf";
        Path dropped = Files.write(inbox.directory().resolve(name + ".part"), pdf);
        Files.move(dropped, inbox.directory().resolve(name));

        Path report = inbox.directory().resolve("done/" + name + ".report.txt");
        Await.until("the inbox report of " + name, () -> Files.exists(report) ? report : null);
        assertThat(inbox.directory().resolve("done/" + name)).exists();
        String text = Files.readString(report);
        assertThat(text).contains("Taken in as document", "2 page(s)");
        String id = text.substring(text.indexOf("document ") + 9, text.indexOf("document ") + 45);

        JsonNode document = awaitStatus(id, "EXTRACTED");
        assertThat(document.get("channel").asText()).isEqualTo("inbox");
        assertThat(document.at("/pages/0/skewDegrees").asDouble()).isBetween(1.5, 2.5);
        assertThat(document.at("/pages/1/skewDegrees").asDouble()).isBetween(-2.0, -1.0);
        ExtractedRfq extracted = json.treeToValue(document.get("extraction"), ExtractedRfq.class);
        List<RfqPages.Item> items = new ArrayList<>(first.items());
        items.addAll(second.items());
        ExtractionScore score = ExtractionScore.of(new RfqPages.Rfq(first.documentNumber(), first.date(),
                first.customerName(), first.businessRegistrationNumber(), items), extracted);
        assertThat(score.accuracy()).as("lines exact: %s", score.misses()).isGreaterThanOrEqualTo(0.85);

        ResponseEntity<JsonNode> discarded = reviewApi("sales2", id, "DISCARD", null,
                json.createArrayNode());
        assertThat(discarded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode reviewed = awaitStatus(id, "REVIEWED");
        assertThat(reviewed.get("estimateId").isNull()).isTrue();
        assertThat(reviewed.get("reviewedBy").asText()).isEqualTo("sales2");

        String unreadable = "notes-" + System.nanoTime() + ".pdf";
        Files.writeString(inbox.directory().resolve(unreadable), "not a pdf at all");
        Path refused = inbox.directory().resolve("error/" + unreadable + ".report.txt");
        Await.until("the refusal report of " + unreadable, () -> Files.exists(refused) ? refused : null);
        assertThat(Files.readString(refused)).contains("Refused", "neither a PDF nor");
    }

    /**
     * Issue 23: one person may send in {@code kis.ocr.max-documents-per-sender-per-day} documents within 24 hours
     * (each is stored with its pages). The day's documents are written straight into the table here.
     */
    @Test
    void aSenderWhoReachedTheDailyQuotaIsRefusedWithWhenToComeBack() throws Exception {
        String sender = "sales3";
        int quota = 200;
        for (int n = 0; n < quota; n++) {
            String checksum = "q".repeat(58) + String.format("%06d", n); // no SHA-256 has a q
            jdbc.update("INSERT INTO erp_ai.document_files (checksum, media_type, size_bytes, content, stored_at)"
                    + " VALUES (?, 'image/png', 1, ?, now())", checksum, new byte[] {1});
            jdbc.update("INSERT INTO erp_ai.document_processing (id, checksum, file_name, media_type, size_bytes,"
                    + " channel, received_by, status, received_at, review_groups) VALUES (?, ?, 'earlier.png',"
                    + " 'image/png', 1, 'api', ?, 'FAILED', ?, 'team-seoul')", UUID.randomUUID(), checksum,
                    sender, Timestamp.from(Instant.now().minusSeconds(60L * (quota - n))));
        }
        try {
            long documents = count("erp_ai.document_processing");
            // a client of its own: the test template's would wait out the Retry-After and ask again
            HttpResponse<String> refused = HttpClient.newHttpClient().send(ProdClient.multipart(
                    URI.create(rest.getRootUri() + "/api/v1/ocr/process"), TestTokens.of(sender), "one-too-many.png",
                    "image/png", RfqPages.png(RfqPages.page(RfqSamples.rfq(System.nanoTime(), 2)))),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(refused.body()).path("detail").asText()).contains("200 documents within 24 hours");
            // the oldest of the day (200 minutes ago) is a day old in 20 h 40 min
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(20 * 3600L + 38 * 60, 20 * 3600L + 41 * 60);
            assertThat(count("erp_ai.document_processing")).as("nothing stored").isEqualTo(documents);
        } finally {
            jdbc.update("DELETE FROM erp_ai.document_processing WHERE received_by = ? AND file_name = 'earlier.png'",
                    sender);
            jdbc.update("DELETE FROM erp_ai.document_files WHERE checksum LIKE 'qqqq%'");
        }
    }

    @Test
    void badFilesAreRefusedWithAProblemAndLeaveNothingBehind() throws Exception {
        long documents = count("erp_ai.document_processing");
        long files = count("erp_ai.document_files");
        long processes = runtime.createProcessInstanceQuery().processDefinitionKey("document-intake").count();
        byte[] page = RfqPages.png(RfqPages.page(RfqSamples.rfq(5, 8)));

        refused(upload("sales1", "text.pdf", "just some text, named .pdf".getBytes(StandardCharsets.UTF_8), null),
                "neither a PDF nor");
        refused(upload("sales1", "empty.png", new byte[0], null), "empty");
        refused(upload("sales1", "broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage".getBytes(
                StandardCharsets.US_ASCII), null), "PDF");
        refused(upload("sales1", "locked.pdf", lockedPdf(), null), "password");
        refused(upload("sales1", "bomb.png", pngDeclaring(60_000, 60_000), null), "megapixels");
        // the same inside a PDF: an image PDFBox would decode at its declared size, drawn on an ordinary page
        refused(upload("sales1", "image-bomb.pdf", pdfEmbedding(30_000, 30_000), null), "embeds an image");
        BufferedImage small = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        refused(upload("sales1", "four-pages.tif", RfqPages.tiff(List.of(small, small, small, small)), null),
                "at most 3");
        byte[] large = Arrays.copyOf(page, 950 * 1024);
        assertProblem(upload("sales1", "large.png", large, null), HttpStatus.PAYLOAD_TOO_LARGE, "/problems/payload-too-large");
        assertProblem(upload("sales1", "page.png", page, "NO-SUCH-CUSTOMER"), HttpStatus.UNPROCESSABLE_ENTITY,
                "/problems/unknown-reference", "customerCode");
        assertThat(upload("approver1", "page.png", page, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(JsonHttp.as(rest, "sales1").get("/api/v1/ocr/documents/" + UUID.randomUUID()),
                HttpStatus.NOT_FOUND, "/problems/not-found");
        assertProblem(JsonHttp.as(rest, "sales1").get("/api/v1/ocr/documents/not-a-uuid"),
                HttpStatus.BAD_REQUEST, "/problems/invalid-parameter");

        assertThat(count("erp_ai.document_processing")).isEqualTo(documents);
        assertThat(count("erp_ai.document_files")).isEqualTo(files);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("document-intake").count())
                .isEqualTo(processes);
    }

    private void refused(ResponseEntity<JsonNode> response, String reason) {
        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/document-refused", "file");
        assertThat(response.getBody().get("detail").asText()).containsIgnoringCase(reason);
    }

    private JsonNode awaitStatus(String id, String status) {
        return Await.until("document " + id + " " + status, () -> {
            JsonNode document = JsonHttp.as(rest, "sales1").get("/api/v1/ocr/documents/" + id).getBody();
            assertThat(document.get("status").asText()).as(document.path("failureReason").asText())
                    .isNotEqualTo("FAILED");
            return status.equals(document.get("status").asText()) ? document : null;
        });
    }

    private ResponseEntity<JsonNode> reviewApi(String user, String id, String decision, String customer,
            JsonNode lines) {
        ObjectNode body = json.createObjectNode().put("decision", decision).put("customerCode", customer);
        body.set("lines", lines);
        return JsonHttp.as(rest, user).post("/api/v1/ocr/documents/" + id + "/review", body.toString());
    }

    private ResponseEntity<JsonNode> upload(String user, String fileName, byte[] content, String customerCode) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return JsonHttp.signedIn(rest, user).postForEntity("/api/v1/ocr/process"
                + (customerCode == null ? "" : "?customerCode=" + customerCode), new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static byte[] lockedPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A one-page PDF of ordinary size that draws, small, an image whose dictionary declares {@code width} ×
     * {@code height} pixels: PDFBox would decode it at that size. Its few bytes of data are no real image.
     */
    private static byte[] pdfEmbedding(int width, int height) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(
                    new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}), COSName.FLATE_DECODE, width,
                    height, 8, PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 50, 50, 100, 100);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A tiny PNG whose header claims a huge image: a decompression bomb's calling card. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
