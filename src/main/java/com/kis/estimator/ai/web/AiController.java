package com.kis.estimator.ai.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ai.analysis.HistoryAnalysis;
import com.kis.estimator.ai.anomaly.PriceAnomalies;
import com.kis.estimator.ai.features.EstimateFeatures;
import com.kis.estimator.ai.features.FeatureRefused;
import com.kis.estimator.ai.history.HistoryFile;
import com.kis.estimator.ai.registry.ModelRegistry;
import com.kis.estimator.ai.registry.RegisteredModel;
import com.kis.estimator.ai.serving.ModelServing;
import com.kis.estimator.ai.serving.WinPredictions;
import com.kis.estimator.estimate.EstimateAccess;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.ScoringFacts;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The win model: scores, the models trained and which serves, and training on request. */
@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "ai")
class AiController {

    private final WinPredictions predictions;
    private final ModelRegistry registry;
    private final ModelServing serving;
    private final RuntimeService runtime;
    private final Callers callers;
    private final ObjectMapper json;
    private final EstimateFeatures estimateFeatures;
    private final PriceAnomalies priceAnomalies;
    private final EstimateQueries estimates;
    private final EstimateAccess access;
    private final HistoryAnalysis analysis;
    private final HistoryFile historyFile;

    AiController(WinPredictions predictions, ModelRegistry registry, ModelServing serving, RuntimeService runtime,
            Callers callers, ObjectMapper json, EstimateFeatures estimateFeatures, PriceAnomalies priceAnomalies,
            EstimateQueries estimates, EstimateAccess access, HistoryAnalysis analysis, HistoryFile historyFile) {
        this.analysis = analysis;
        this.historyFile = historyFile;
        this.estimateFeatures = estimateFeatures;
        this.priceAnomalies = priceAnomalies;
        this.estimates = estimates;
        this.access = access;
        this.predictions = predictions;
        this.registry = registry;
        this.serving = serving;
        this.runtime = runtime;
        this.callers = callers;
        this.json = json;
    }

    @RequiresPermission(Permission.AI_PREDICT)
    @PostMapping("/predict")
    @Operation(summary = "The probability that an estimate (by id, or its features) is won, and what moved it")
    WinPredictions.Prediction predict(@Valid @RequestBody PredictRequest request) {
        if ((request.estimateId() == null) == (request.features() == null)) {
            throw ApiProblemException.invalidField("estimateId", "give either estimateId or features, not both");
        }
        Map<String, Object> features = request.features();
        List<PriceAnomalies.Anomaly> anomalies = List.of();
        if (request.estimateId() != null) {
            access.requireVisible(request.estimateId());
            ScoringFacts facts = estimates.scoringFacts(request.estimateId())
                    .orElseThrow(() -> ApiProblemException.notFound("Estimate", request.estimateId()));
            features = estimateFeatures.of(facts);
            anomalies = priceAnomalies.of(facts);
        }
        try {
            return predictions.predict(features, request.estimateId(), anomalies).orElseThrow(() -> new ApiProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    "No win model is serving yet: train one (POST /api/v1/ai/models/train)"));
        } catch (FeatureRefused e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, e.getMessage(),
                    Map.of("errors", e.problems().stream()
                            .map(problem -> Map.of("field", "features." + problem.substring(0, problem.indexOf(':')),
                                    "message", problem))
                            .toList()));
        }
    }

    @RequiresPermission(Permission.AI_MODELS)
    @PostMapping("/analyze")
    @Operation(summary = "What the closed estimates of a customer, product or period say: win rate, discounts, "
            + "discount against winning, approval cycle time, outliers")
    HistoryAnalysis.Analysis analyze(@Valid @RequestBody AnalyzeRequest request) {
        return switch (request.scope()) {
            case "customer" -> analysis.customer(required(request.id()));
            case "product" -> analysis.product(required(request.id()));
            case "period" -> {
                if (request.from() == null || request.to() == null || request.to().isBefore(request.from())) {
                    throw ApiProblemException.invalidField("to", "a period needs from and to, with to not before from");
                }
                yield analysis.period(request.from(), request.to());
            }
            default -> throw ApiProblemException.invalidField("scope",
                    "scope must be customer, product or period, was " + request.scope());
        };
    }

    private static String required(String id) {
        if (id == null || id.isBlank()) {
            throw ApiProblemException.invalidField("id", "the customer's or product's code is required");
        }
        return id.strip();
    }

    @RequiresPermission(Permission.AI_MODELS)
    @PostMapping(path = "/history", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load historical outcomes (CSV: the schema's features and won) into the training history")
    ResponseEntity<Map<String, Object>> loadHistory(
            @RequestPart("file") MultipartFile file) {
        try (var in = file.getInputStream()) {
            int rows = historyFile.load(in);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("rows", rows, "source", "file"));
        } catch (HistoryFile.Refused e) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.IMPORT_FILE_REFUSED,
                    (e.line() > 0 ? "line " + e.line() + ": " : "") + e.getMessage(),
                    Map.of("errors", List.of(Map.of("field", "file", "line", e.line(), "message", e.getMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RequiresPermission(Permission.AI_MODELS)
    @GetMapping("/models")
    @Operation(summary = "Every model trained, newest first, with its metrics and status; which version serves")
    Map<String, Object> models() {
        List<Map<String, Object>> models = registry.all().stream().map(this::view).toList();
        return Map.of("serving", serving.currentVersion().map(v -> (Object) v).orElse("none"), "models", models);
    }

    @RequiresPermission(Permission.AI_MODELS)
    @PostMapping("/models/train")
    @Operation(summary = "Train a candidate now (the model-training process); the answer names the process")
    ResponseEntity<Map<String, Object>> train(@Valid @RequestBody(required = false) TrainRequest request) {
        String user = callers.current().map(Caller::id).orElse("anonymous");
        ProcessInstance process = runtime.createMessageCorrelation("ModelTrainingRequested")
                .setVariable("requestedBy", user)
                .setVariable("reason", request == null ? null : request.reason())
                .setVariable("approvalRequested", request != null && Boolean.TRUE.equals(request.approval()))
                .correlateStartMessage();
        return ResponseEntity.accepted().location(URI.create("/api/v1/ai/models"))
                .body(Map.of("processInstanceId", process.getId(), "statusUrl", "/api/v1/ai/models"));
    }

    private Map<String, Object> view(RegisteredModel model) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("name", model.name());
        view.put("version", model.version());
        view.put("status", model.status());
        view.put("framework", model.framework());
        view.put("checksum", model.checksum());
        view.put("trainingRows", model.trainingRows());
        view.put("synthetic", model.synthetic());
        view.put("metrics", tree(model.metrics()));
        view.put("featureSchema", tree(model.featureSchema()));
        view.put("createdAt", model.createdAt());
        view.put("activatedAt", model.activatedAt());
        view.put("retiredAt", model.retiredAt());
        return view;
    }

    private JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
