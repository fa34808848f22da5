package com.kis.estimator.ai;

import static com.kis.estimator.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        List<Map<String, Object>> rows = SyntheticHistory.estimates(3000, 5);
        for (Map<String, Object> row : rows) {
            Map<String, Object> f = features(row);
            trainingData.add("synthetic", null, null, null, f, (boolean) row.get("won"), Instant.now());
        }

        // training through the process, as the API starts it
        ResponseEntity<JsonNode> started = JsonHttp.as(rest, "analyst1").post("/api/v1/ai/models/train", "{}");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String process = started.getBody().get("processInstanceId").asText();
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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.predictions", Long.class)).isEqualTo(logged + 1);

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
