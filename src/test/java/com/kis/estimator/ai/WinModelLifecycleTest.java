package com.kis.estimator.ai;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.Await;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.ai.features.FeatureSchema;
import com.kis.estimator.ai.history.TrainingData;
import com.kis.estimator.ai.registry.ModelRegistry;
import com.kis.estimator.ai.registry.ModelStatus;
import com.kis.estimator.ai.registry.ModelTraining;
import com.kis.estimator.ai.serving.ModelServing;
import com.kis.estimator.ai.serving.ModelUnusable;
import com.kis.estimator.ai.serving.WinPredictions;
import com.kis.estimator.ai.training.SyntheticHistory;
import com.kis.estimator.ai.training.TrainingRefused;
import com.kis.estimator.estimate.EstimateClosed;

/**
 * The win model's life on PostgreSQL: no history, no model; training through the model-training process;
 * scores through the API, logged; a new model swapped in under concurrent predictions without a failed
 * request; a damaged artifact refused while the active model keeps serving.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WinModelLifecycleTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired TrainingData trainingData;
    @Autowired ModelTraining training;
    @Autowired ModelRegistry registry;
    @Autowired ModelServing serving;
    @Autowired WinPredictions predictions;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired com.kis.estimator.estimate.EstimateLifecycle lifecycle;
    @Autowired com.kis.estimator.estimate.EstimateQueries estimateQueries;

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @BeforeAll
    void registerEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @Test
    void fromNoHistoryToAServedModelSwappedAndGuarded() throws Exception {
        // no history: a clear refusal, nothing registered, and the API says no model serves
        long models = registry.all().size();
        assertThatThrownBy(() -> training.train("test")).isInstanceOf(TrainingRefused.class)
                .hasMessageContaining("at least 200");
        assertThat(registry.all()).hasSize((int) models);
        Map<String, Object> features = features(SyntheticHistory.estimates(1, 99).get(0));
        assertProblem(JsonHttp.as(rest, "approver1").post("/api/v1/ai/predict", body(features)),
                HttpStatus.SERVICE_UNAVAILABLE, "/problems/service-unavailable");
        // and an approval goes on without it
        catalog();
        String unscored = submitted(estimate("{\"productCode\":\"AI-BRK-" + run + "\",\"quantity\":2}"));
        assertThat(engine.getRuntimeService().getVariable(unscored, "aiStatus")).isEqualTo("NO_MODEL");
        assertThat(engine.getRuntimeService().getVariable(unscored, "winProbability")).isNull();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(unscored).count()).isOne();

        List<Map<String, Object>> rows = SyntheticHistory.estimates(3000, 5);
        for (Map<String, Object> row : rows) {
            Map<String, Object> f = features(row);
            trainingData.add("synthetic", null, null, null, f, (boolean) row.get("won"), Instant.now());
        }

        // training through the process, as the API starts it; two requests at once start one training
        List<CompletableFuture<ResponseEntity<JsonNode>>> asked = List.of(1, 2).stream().map(n -> CompletableFuture
                .supplyAsync(() -> JsonHttp.as(rest, "analyst1").post("/api/v1/ai/models/train", "{}"))).toList();
        List<ResponseEntity<JsonNode>> answers = asked.stream().map(CompletableFuture::join).toList();
        ResponseEntity<JsonNode> started = answers.stream()
                .filter(answer -> answer.getStatusCode() == HttpStatus.ACCEPTED).findFirst().orElseThrow();
        String process = started.getBody().get("processInstanceId").asText();
        ResponseEntity<JsonNode> other = answers.get(answers.get(0) == started ? 1 : 0);
        assertProblem(other, HttpStatus.CONFLICT, "/problems/training-running");
        assertThat(other.getBody().at("/running/processInstanceId").asText()).isEqualTo(process);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("model-training").count())
                .isOne();
        Await.until("the training process to end", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(process).finished().singleResult());
        int first = serving.currentVersion().orElseThrow();
        assertThat(registry.find(ModelServing.MODEL, first).orElseThrow().status()).isEqualTo(ModelStatus.ACTIVE);
        JsonNode listed = JsonHttp.as(rest, "analyst1").get("/api/v1/ai/models").getBody();
        assertThat(listed.get("serving").asInt()).isEqualTo(first);
        assertThat(listed.at("/models/0/metrics/auc").asDouble()).isGreaterThan(0.8);
        assertThat(listed.at("/models/0/synthetic").asBoolean()).isTrue();
        assertProblem(JsonHttp.as(rest, "sales1").get("/api/v1/ai/models"), HttpStatus.FORBIDDEN,
                "/problems/forbidden");

        // a score through the API, explained and logged
        long logged = jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.predictions", Long.class);
        JsonNode scored = JsonHttp.as(rest, "approver1").post("/api/v1/ai/predict", body(features)).getBody();
        double expected = serving.withModel(m -> m.parameters().probability(FeatureSchema.V1.vector(features)))
                .orElseThrow();
        assertThat(scored.get("winProbability").asDouble()).isCloseTo(expected, within(1e-5));
        assertThat(scored.get("modelVersion").asInt()).isEqualTo(first);
        assertThat(scored.get("contributions")).hasSize(5);
        awaitPredictions("SELECT COUNT(*) FROM erp_ai.predictions", logged + 1);

        // bad features: every problem named, nothing logged
        Map<String, Object> bad = new LinkedHashMap<>(features);
        bad.remove("lineCount");
        bad.put("customerTier", "GOLD");
        bad.put("shoeSize", 42);
        ResponseEntity<JsonNode> refused = JsonHttp.as(rest, "approver1").post("/api/v1/ai/predict", body(bad));
        assertProblem(refused, HttpStatus.BAD_REQUEST, "/problems/validation", "features.lineCount");
        assertThat(refused.getBody().path("errors").findValuesAsText("field"))
                .contains("features.customerTier", "features.shoeSize");
        assertProblem(JsonHttp.as(rest, "approver1").post("/api/v1/ai/predict",
                "{\"features\": {\"logTotal\": \"NaN\"}}"), HttpStatus.BAD_REQUEST, "/problems/validation");
        Thread.sleep(500); // the log writes within 200 ms: long enough for a wrongly logged refusal to show
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.predictions", Long.class)).isEqualTo(logged + 1);

        // a second model swapped in while requests keep coming: none fails
        ModelTraining.Candidate second = training.train("test");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            callers.add(pool.submit(() -> {
                int done = 0;
                while (!stop.get()) {
                    assertThat(predictions.predict(features, null)).isPresent();
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep(300);
        training.activate(second.model().version(), "test");
        Thread.sleep(300);
        stop.set(true);
        int done = 0;
        for (Future<Integer> caller : callers) {
            done += caller.get();
        }
        pool.shutdown();
        assertThat(done).isPositive();
        assertThat(serving.currentVersion()).contains(second.model().version());
        assertThat(registry.find(ModelServing.MODEL, first).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);

        // a damaged artifact is refused, and the active model keeps serving
        ModelTraining.Candidate third = training.train("test");
        Path description = Path.of(third.model().artifactPath()).resolve("model.json");
        Files.writeString(description, Files.readString(description) + " "); // one byte more than trained
        assertThatThrownBy(() -> training.activate(third.model().version(), "test"))
                .isInstanceOf(ModelUnusable.class).hasMessageContaining("checksum");
        assertThat(registry.find(ModelServing.MODEL, third.model().version()).orElseThrow().status())
                .isEqualTo(ModelStatus.REJECTED);
        assertThat(serving.currentVersion()).contains(second.model().version());
        assertThat(predictions.predict(features, null)).isPresent();

        scoringAnEstimateAndLearningFromItsOutcome(second.model().version());
    }

    /** A breaker, a cable and a tier-B customer of this run. */
    private void catalog() {
        JsonHttp admin = JsonHttp.as(rest, "admin");
        admin.post("/api/v1/products", """
                {"code":"AI-BRK-%s","name":"시험 차단기","category":"BREAKER","unit":"EA","listPrice":50000,"cost":40000}"""
                .formatted(run));
        admin.post("/api/v1/products", """
                {"code":"AI-CBL-%s","name":"시험 케이블","category":"CABLE","unit":"M","listPrice":3000,"cost":2000}"""
                .formatted(run));
        ResponseEntity<JsonNode> customer = admin.post("/api/v1/customers", """
                {"code":"AI-C-%s","name":"(주)시험","businessRegistrationNumber":"%s","tier":"B"}"""
                .formatted(run, registrationNumber()));
        assertThat(customer.getStatusCode()).as(String.valueOf(customer.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    /** Submits an estimate for approval; the process instance it started. */
    private String submitted(long estimateId) {
        assertThat(JsonHttp.as(rest, "sales1").post("/api/v1/estimates/" + estimateId + "/submit", "{}")
                .getStatusCode().is2xxSuccessful()).isTrue();
        return Await.until("the approval of " + estimateId, () -> engine.getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey("estimate-approval")
                .variableValueEquals("estimateId", estimateId).singleResult()).getId();
    }

    private long estimate(String items) {
        ResponseEntity<JsonNode> created = JsonHttp.as(rest, "sales1").post("/api/v1/estimates",
                "{\"customerCode\":\"AI-C-" + run + "\",\"items\":[" + items + "]}");
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    /** An estimate scored by id, as its owner; its close becomes a row of the history. */
    private void scoringAnEstimateAndLearningFromItsOutcome(int version) throws Exception {
        ResponseEntity<JsonNode> estimate = JsonHttp.as(rest, "sales1").post("/api/v1/estimates", """
                {"customerCode":"AI-C-%1$s","discountRate":3,"items":[{"productCode":"AI-BRK-%1$s","quantity":10},
                 {"productCode":"AI-CBL-%1$s","quantity":100,"discountRate":8}]}""".formatted(run));
        assertThat(estimate.getStatusCode()).as(String.valueOf(estimate.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = estimate.getBody().get("id").asLong();
        // the breaker's history with tier B: six approved quotes at list price
        for (int i = 0; i < 6; i++) {
            long past = JsonHttp.as(rest, "sales1").post("/api/v1/estimates", """
                    {"customerCode":"AI-C-%1$s","discountRate":3,"items":[{"productCode":"AI-BRK-%1$s","quantity":10}]}"""
                    .formatted(run)).getBody().get("id").asLong();
            lifecycle.changeStatus(past, com.kis.estimator.estimate.EstimateStatus.SUBMITTED, "sales1", null);
            lifecycle.changeStatus(past, com.kis.estimator.estimate.EstimateStatus.APPROVED, "approver1", null);
        }
        // the band reads only a product's latest quotes
        assertThat(estimateQueries.priceHistory(List.of("AI-BRK-" + run), "B", id, 4)).hasSize(4);
        assertThat(estimateQueries.priceHistory(List.of("AI-BRK-" + run, "AI-CBL-" + run), "B", id, 500)).hasSize(6)
                .allSatisfy(point -> assertThat(point.productCode()).isEqualTo("AI-BRK-" + run));
        assertThat(estimateQueries.priceHistory(List.of("AI-BRK-" + run), "A", id, 500)).isEmpty();

        JsonNode scored = JsonHttp.as(rest, "sales1").post("/api/v1/ai/predict", "{\"estimateId\":" + id + "}")
                .getBody();
        assertThat(scored.get("modelVersion").asInt()).as(scored.toString()).isEqualTo(version);
        assertThat(scored.get("winProbability").asDouble()).isBetween(0.0, 1.0);
        assertThat(scored.get("anomalies")).as("priced as before; the cable has no history").isEmpty();
        String withModel = submitted(id);
        assertThat(engine.getRuntimeService().getVariable(withModel, "aiStatus")).isEqualTo("SCORED");
        assertThat((Double) engine.getRuntimeService().getVariable(withModel, "winProbability")).isBetween(0.0, 1.0)
                .satisfies(probability -> assertThat(BigDecimal.valueOf(probability).scale())
                        .as("at most the 3 decimals the approval form allows").isLessThanOrEqualTo(3));
        assertThat((String) engine.getRuntimeService().getVariable(withModel, "aiSummary")).contains("(모델 v" + version + ")");
        long cut = JsonHttp.as(rest, "sales1").post("/api/v1/estimates", """
                {"customerCode":"AI-C-%1$s","discountRate":3,"items":[{"productCode":"AI-BRK-%1$s","quantity":10,
                 "discountRate":40}]}""".formatted(run)).getBody().get("id").asLong();
        JsonNode unusual = JsonHttp.as(rest, "sales1").post("/api/v1/ai/predict", "{\"estimateId\":" + cut + "}")
                .getBody();
        assertThat(unusual.get("anomalies").findValuesAsText("kind")).containsExactlyInAnyOrder("UNIT_PRICE", "DISCOUNT");
        assertThat(unusual.at("/anomalies/0/samples").asInt()).isEqualTo(6);
        // scored twice: through the API, and by the approval's AI assessment
        awaitPredictions("SELECT COUNT(*) FROM erp_ai.predictions WHERE estimate_id = " + id, 2);
        assertProblem(JsonHttp.as(rest, "sales1").post("/api/v1/ai/predict", "{\"estimateId\":987654321}"),
                HttpStatus.NOT_FOUND, "/problems/not-found");
        assertProblem(JsonHttp.as(rest, "sales1").post("/api/v1/ai/predict",
                "{\"estimateId\":" + id + ",\"features\":{}}"), HttpStatus.BAD_REQUEST, "/problems/validation");

        // approved through the process, so that the analysis finds its cycle time in Camunda's history
        ResponseEntity<JsonNode> approved = JsonHttp.as(rest, "approver1").post("/api/v1/estimates/" + id + "/approve",
                "{\"decision\":\"APPROVE\",\"comment\":\"시험\"}");
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();
        Await.until("the approval of " + id, () -> "APPROVED".equals(JsonHttp.as(rest, "sales1")
                .get("/api/v1/estimates/" + id).getBody().path("status").asText()) ? Boolean.TRUE : null);

        transaction.executeWithoutResult(status -> events.publishEvent(
                new EstimateClosed(id, estimate.getBody().get("number").asText(), "AI-C-" + run, true, Instant.now())));
        String snapshot = Await.until("the closed estimate in the history", () -> jdbc.query(
                "SELECT features FROM erp_ai.training_data WHERE estimate_id = ?", (rs, n) -> rs.getString(1), id)
                .stream().findFirst().orElse(null));
        Map<String, Object> stored = json.readValue(snapshot, new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        assertThat(stored).containsEntry("customerTier", "B").containsEntry("maxDiscountPercent", 8.0)
                .containsEntry("lineCount", 2.0);
        assertThat((double) stored.get("shareBreaker") + (double) stored.get("shareCable")).isCloseTo(1.0, within(1e-9));
        assertThat(FeatureSchema.V1.vector(stored)).hasSize(FeatureSchema.V1.size());

        JsonNode customerView = JsonHttp.as(rest, "analyst1").post("/api/v1/ai/analyze",
                "{\"scope\":\"customer\",\"id\":\"AI-C-" + run + "\"}").getBody();
        assertThat(customerView.get("closedEstimates").asInt()).as(customerView.toString()).isOne();
        assertThat(customerView.get("winRate").asDouble()).isEqualTo(1.0);
        assertThat(customerView.get("averageDiscountPercent").asDouble()).isEqualTo(8.0);
        assertThat(customerView.at("/approvalCycle/approvals").asInt()).isOne();
        assertThat(customerView.get("includesSynthetic").asBoolean()).isFalse();
        JsonNode productView = JsonHttp.as(rest, "analyst1").post("/api/v1/ai/analyze",
                "{\"scope\":\"product\",\"id\":\"AI-CBL-" + run + "\"}").getBody();
        assertThat(productView.get("closedEstimates").asInt()).isOne();
        JsonNode periodView = JsonHttp.as(rest, "analyst1").post("/api/v1/ai/analyze",
                "{\"scope\":\"period\",\"from\":\"2000-01-01\",\"to\":\"2100-12-31\"}").getBody();
        assertThat(periodView.get("closedEstimates").asInt()).isGreaterThan(3000);
        assertThat(periodView.get("includesSynthetic").asBoolean()).isTrue();
        assertThat(periodView.at("/discountVsWinning/buckets")).isNotEmpty();
        assertThat(periodView.at("/discountVsWinning/wonAverageDiscount").asDouble())
                .as("in the synthetic history a deeper discount helps")
                .isGreaterThan(periodView.at("/discountVsWinning/lostAverageDiscount").asDouble());
        assertProblem(JsonHttp.as(rest, "analyst1").post("/api/v1/ai/analyze", "{\"scope\":\"planet\"}"),
                HttpStatus.BAD_REQUEST, "/problems/validation");
        assertProblem(JsonHttp.as(rest, "analyst1").post("/api/v1/ai/analyze", "{\"scope\":\"customer\"}"),
                HttpStatus.BAD_REQUEST, "/problems/validation");
        assertProblem(JsonHttp.as(rest, "analyst1").post("/api/v1/ai/analyze",
                "{\"scope\":\"period\",\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}"),
                HttpStatus.BAD_REQUEST, "/problems/validation");

        // historical outcomes from a file: all rows or none
        String header = String.join(",", FeatureSchema.V1.numeric()) + ",customerTier,won,customer_code,closed_on\n";
        String row = FeatureSchema.V1.numeric().stream().map(name -> name.equals("logTotal") ? "16.2" : "0.5")
                .collect(java.util.stream.Collectors.joining(","));
        long before = trainingData.count();
        ResponseEntity<JsonNode> loaded = uploadHistory(header + row + ",A,true,OLD-1,2024-03-02\n"
                + row + ",C,0,OLD-2,2024-04-11\n");
        assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(loaded.getBody().get("rows").asInt()).isEqualTo(2);
        assertThat(trainingData.count()).isEqualTo(before + 2);
        ResponseEntity<JsonNode> badRow = uploadHistory(header + row + ",A,true,OLD-3,2024-03-02\n"
                + row + ",GOLD,true,OLD-4,2024-03-02\n");
        assertProblem(badRow, HttpStatus.UNPROCESSABLE_ENTITY, "/problems/import-file-refused", "file");
        assertThat(badRow.getBody().get("detail").asText()).startsWith("line 3:").contains("GOLD");
        assertProblem(uploadHistory("logTotal,won\n16,true\n"), HttpStatus.UNPROCESSABLE_ENTITY,
                "/problems/import-file-refused", "file");
        assertThat(trainingData.count()).isEqualTo(before + 2);

        // a training an analyst must approve: the candidate waits in Tasklist, and a rejection keeps the model
        int serving = this.serving.currentVersion().orElseThrow();
        ResponseEntity<JsonNode> asked = JsonHttp.as(rest, "analyst1").post("/api/v1/ai/models/train",
                "{\"reason\":\"new quarter\",\"approval\":true}");
        String process = asked.getBody().get("processInstanceId").asText();
        org.camunda.bpm.engine.task.Task approve = Await.until("the Approve model task", () -> engine.getTaskService()
                .createTaskQuery().processInstanceId(process).taskDefinitionKey("ApproveModel").singleResult());
        assertThat(approve.getName()).startsWith("Approve win model v").contains("AUC");
        assertThat(engine.getTaskService().getIdentityLinksForTask(approve.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("analyst"));
        int candidate = (Integer) engine.getRuntimeService().getVariable(process, "candidateVersion");

        // while it waits, no other training runs: the API names the waiting one, and one started by hand ends
        // without a model (the rule is the process's, not only the API's)
        ResponseEntity<JsonNode> meanwhile = JsonHttp.as(rest, "analyst1").post("/api/v1/ai/models/train", "{}");
        assertProblem(meanwhile, HttpStatus.CONFLICT, "/problems/training-running");
        assertThat(meanwhile.getBody().at("/running/processInstanceId").asText()).isEqualTo(process);
        assertThat(meanwhile.getBody().at("/running/activity").asText()).isEqualTo("Approve model");
        int models = registry.all().size();
        String byHand = engine.getRuntimeService().startProcessInstanceByKey("model-training").getId();
        Await.until("the training started by hand to end", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(byHand).finished().singleResult());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(byHand).activityId("Refused")
                .count()).isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(byHand).variableName("refusal")
                .singleResult().getValue().toString()).contains("Another training is running", process);
        assertThat(registry.all()).hasSize(models);
        engine.getIdentityService().setAuthentication("analyst1", List.of("analyst"));
        try {
            engine.getTaskService().complete(approve.getId(), Map.of("modelDecision", "REJECT",
                    "modelComment", "not this quarter"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(registry.find(ModelServing.MODEL, candidate).orElseThrow().status()).isEqualTo(ModelStatus.REJECTED);
        assertThat(this.serving.currentVersion()).contains(serving);
        assertThat(jdbc.queryForObject("SELECT detail FROM erp_ai.analytics_events WHERE event_type = 'MODEL_REJECTED'"
                + " AND subject = ?", String.class, ModelServing.MODEL + " v" + candidate)).isEqualTo("not this quarter");
    }

    private ResponseEntity<JsonNode> uploadHistory(String csv) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "history.csv";
            }
        });
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return JsonHttp.signedIn(rest, "analyst1").postForEntity("/api/v1/ai/history",
                new org.springframework.http.HttpEntity<>(parts, headers), JsonNode.class);
    }

    /** The prediction log writes off the request path: wait until it has. */
    private void awaitPredictions(String countQuery, long expected) {
        Await.until(expected + " logged predictions", () -> jdbc.queryForObject(countQuery, Long.class) == expected
                ? Boolean.TRUE : null);
    }

    /** A valid 사업자등록번호 no other test uses: random digits and their check digit. */
    private static String registrationNumber() {
        int[] weights = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        java.util.Random random = new java.util.Random();
        int[] digits = new int[10];
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            digits[i] = random.nextInt(10);
            sum += digits[i] * weights[i];
        }
        sum += digits[8] * 5 / 10;
        digits[9] = (10 - sum % 10) % 10;
        StringBuilder number = new StringBuilder();
        for (int digit : digits) {
            number.append(digit);
        }
        return number.substring(0, 3) + "-" + number.substring(3, 5) + "-" + number.substring(5);
    }

    private static Map<String, Object> features(Map<String, Object> row) {
        Map<String, Object> features = new LinkedHashMap<>(row);
        features.remove("won");
        return features;
    }

    private String body(Map<String, Object> features) throws Exception {
        return json.writeValueAsString(Map.of("features", features));
    }
}
