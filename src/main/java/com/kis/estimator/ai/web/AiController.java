package com.kis.estimator.ai.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

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
import com.kis.estimator.ai.process.TrainingRuns;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final TrainingRuns trainings;
    private final Callers callers;
    private final ObjectMapper json;
    private final EstimateFeatures estimateFeatures;
    private final PriceAnomalies priceAnomalies;
    private final EstimateQueries estimates;
    private final EstimateAccess access;
    private final HistoryAnalysis analysis;
    private final HistoryFile historyFile;

    AiController(WinPredictions predictions, ModelRegistry registry, ModelServing serving, TrainingRuns trainings,
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
        this.trainings = trainings;
        this.callers = callers;
        this.json = json;
    }

    @RequiresPermission(Permission.AI_PREDICT)
    @PostMapping("/predict")
    @ApiResponse(responseCode = "200", description = "The probability, what moved it, and the price anomalies")
    @ApiResponse(responseCode = "404", description = "No estimate with this id, or one the caller may not see")
    @ApiResponse(responseCode = "503", description = "No win model serves yet")
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
    @ApiResponse(responseCode = "201", description = "Loaded")
    @ApiResponse(responseCode = "422", description = "A line of the file cannot be read; nothing was loaded")
    ResponseEntity<HistoryLoaded> loadHistory(
            @RequestPart("file") MultipartFile file) {
        try (var in = file.getInputStream()) {
            int rows = historyFile.load(in);
            return ResponseEntity.status(HttpStatus.CREATED).body(new HistoryLoaded(rows, "file"));
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
    ModelsView models() {
        return new ModelsView(serving.currentVersion().map(v -> (Object) v).orElse("none"),
                registry.all().stream().map(this::view).toList());
    }

    @RequiresPermission(Permission.AI_MODELS)
    @PostMapping("/models/train")
    @Operation(summary = "Train a candidate now (the model-training process); the answer names the process")
    @ApiResponse(responseCode = "202", description = "Started; the candidate appears in GET /api/v1/ai/models")
    @ApiResponse(responseCode = "409", description = "A training is running already; `running` names it")
    ResponseEntity<TrainingStarted> train(@Valid @RequestBody TrainRequest request) {
        String user = callers.current().map(Caller::id).orElse("anonymous");
        TrainingRuns.Request outcome;
        try {
            outcome = trainings.request(user, request.reason(), Boolean.TRUE.equals(request.approval()));
        } catch (TrainingRuns.StartUnavailable e) {
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    "No training was started: " + e.getMessage());
        }
        if (outcome instanceof TrainingRuns.AlreadyRunning going) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.TRAINING_RUNNING,
                    "A training is running already (process " + going.running().processInstanceId()
                            + "); one training at a time", Map.of("running", going.running()));
        }
        String started = ((TrainingRuns.Started) outcome).processInstanceId();
        return ResponseEntity.accepted().location(URI.create("/api/v1/ai/models"))
                .body(new TrainingStarted(started, "/api/v1/ai/models"));
    }

    private ModelView view(RegisteredModel model) {
        return new ModelView(model.name(), model.version(), model.status(), model.framework(), model.checksum(),
                model.trainingRows(), model.synthetic(), tree(model.metrics()), tree(model.featureSchema()),
                model.createdAt(), model.activatedAt(), model.retiredAt());
    }

    private JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
