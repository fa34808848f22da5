package com.kis.estimator.ai.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ai.features.FeatureSchema;
import com.kis.estimator.ai.history.TrainingData;
import com.kis.estimator.ai.model.ModelArtifacts;
import com.kis.estimator.ai.model.ModelFile;
import com.kis.estimator.ai.serving.ModelServing;
import com.kis.estimator.ai.serving.ModelUnusable;
import com.kis.estimator.ai.training.Evaluation;
import com.kis.estimator.ai.training.Example;
import com.kis.estimator.ai.training.LogisticRegressionTrainer;
import com.kis.estimator.ai.training.TrainingRefused;
import com.kis.estimator.ai.training.WinModelParameters;

/**
 * Trains a candidate from the history, and activates or rejects it. The promotion rule: a candidate replaces
 * the active model only if its AUC is at least as good. Both are measured on the candidate's held-out fifth of
 * the history. The active model may have been trained on part of it (an older, overlapping history); that
 * flatters the active model, never the candidate, so the rule errs towards keeping what works.
 */
@Service
public class ModelTraining {

    /** A trained candidate and how it compares. {@code activeAuc} is null without an active model. */
    public record Candidate(RegisteredModel model, Evaluation evaluation, Double activeAuc, int skipped) {

        public boolean atLeastAsGood() {
            return activeAuc == null || evaluation.auc() >= activeAuc;
        }
    }

    private final TrainingData history;
    private final ModelRegistry registry;
    private final ModelArtifacts artifacts;
    private final ModelServing serving;
    private final AnalyticsEvents events;
    private final ObjectMapper json;

    ModelTraining(TrainingData history, ModelRegistry registry, ModelArtifacts artifacts, ModelServing serving,
            AnalyticsEvents events, ObjectMapper json) {
        this.history = history;
        this.registry = registry;
        this.artifacts = artifacts;
        this.serving = serving;
        this.events = events;
        this.json = json;
    }

    /**
     * @throws TrainingRefused when the history is too small or one-sided; nothing is registered then
     */
    public Candidate train(String actor) {
        FeatureSchema schema = FeatureSchema.V1;
        TrainingData.Examples data = history.examples(schema);
        List<Example> shuffled = new ArrayList<>(data.examples());
        Collections.shuffle(shuffled, new Random(shuffled.size()));
        int cut = (int) Math.round(shuffled.size() * 0.8);
        List<Example> training = shuffled.subList(0, cut);
        List<Example> heldOut = shuffled.subList(cut, shuffled.size());
        WinModelParameters parameters;
        try {
            parameters = LogisticRegressionTrainer.defaults().train(schema, training);
        } catch (TrainingRefused e) {
            events.record("TRAINING_REFUSED", ModelServing.MODEL, e.getMessage(), actor);
            throw e;
        }
        Evaluation evaluation = Evaluation.of(parameters, heldOut);
        int version = registry.nextVersion(ModelServing.MODEL);
        ModelArtifacts.Written written = artifacts.write(ModelServing.MODEL, version, parameters, evaluation,
                training.size(), data.synthetic());
        RegisteredModel model = registry.register(ModelServing.MODEL, version, ModelArtifacts.FRAMEWORK,
                written.path().toString(), written.checksum(), write(schema), write(evaluation), training.size(),
                data.synthetic());
        Double activeAuc = registry.active(ModelServing.MODEL).map(active -> aucOf(active, heldOut)).orElse(null);
        events.record("MODEL_TRAINED", ModelServing.MODEL + " v" + version, String.format(
                "%d rows (%d skipped), held-out AUC %.4f, active %s", training.size(), data.skipped(),
                evaluation.auc(), activeAuc == null ? "none" : String.format("%.4f", activeAuc)), actor);
        return new Candidate(model, evaluation, activeAuc, data.skipped());
    }

    /**
     * Serves the candidate, then records it ACTIVE.
     *
     * @throws ModelUnusable when its artifact does not load; it is REJECTED and the active model keeps serving
     */
    public void activate(int version, String actor) {
        RegisteredModel model = registry.find(ModelServing.MODEL, version)
                .orElseThrow(() -> new IllegalArgumentException("no " + ModelServing.MODEL + " v" + version));
        try {
            serving.swapIn(model);
        } catch (ModelUnusable e) {
            reject(version, e.getMessage(), actor);
            throw e;
        }
        registry.activate(ModelServing.MODEL, version);
        events.record("MODEL_ACTIVATED", ModelServing.MODEL + " v" + version, null, actor);
    }

    public void reject(int version, String reason, String actor) {
        registry.reject(ModelServing.MODEL, version);
        events.record("MODEL_REJECTED", ModelServing.MODEL + " v" + version, reason, actor);
    }

    /** The active model's AUC on these examples; a broken active model counts as no better than guessing. */
    private double aucOf(RegisteredModel active, List<Example> heldOut) {
        try {
            ModelFile file = artifacts.read(Path.of(active.artifactPath()), active.checksum());
            return Evaluation.of(ModelArtifacts.parameters(file), heldOut).auc();
        } catch (ModelUnusable e) {
            return 0.5;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
