package com.kis.estimator.ai.serving;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.kis.estimator.ai.anomaly.PriceAnomalies;
import com.kis.estimator.ai.features.FeatureSchema;

/**
 * Scores an estimate's features with the served model and logs every prediction in {@code erp_ai.predictions}
 * (a hash of the input, the output, the model version, the latency, the estimate), written off the request path
 * by {@link PredictionLog}.
 */
@Service
public class WinPredictions {

    /** One feature's push on the score: its value and how far it moved the log-odds from an average estimate. */
    public record Contribution(String feature, Object value, double effect) {
    }

    /** @param anomalies lines priced unlike the past (scoring by estimate only; empty for bare features) */
    public record Prediction(double winProbability, String model, int modelVersion, List<Contribution> contributions,
            List<PriceAnomalies.Anomaly> anomalies, long latencyMicros) {
    }

    private static final int SHOWN_CONTRIBUTIONS = 5;

    private final ModelServing serving;
    private final PredictionLog predictionLog;
    private final Clock clock;

    WinPredictions(ModelServing serving, PredictionLog predictionLog, Clock clock) {
        this.serving = serving;
        this.predictionLog = predictionLog;
        this.clock = clock;
    }

    /**
     * @return empty when no model serves
     * @throws com.kis.estimator.ai.features.FeatureRefused naming what cannot be scored
     */
    public Optional<Prediction> predict(Map<String, Object> features, Long estimateId) {
        return predict(features, estimateId, List.of());
    }

    /** The same, for an estimate whose price anomalies were found: they are answered and logged with the score. */
    public Optional<Prediction> predict(Map<String, Object> features, Long estimateId,
            List<PriceAnomalies.Anomaly> anomalies) {
        long started = System.nanoTime();
        Optional<Prediction> prediction = serving.withModel(model -> {
            FeatureSchema schema = model.file().schema();
            double[] vector = schema.vector(features);
            float[] row = new float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                row[i] = (float) vector[i];
            }
            double probability = model.graph().predict(new float[][] {row})[0];
            double[] effects = model.parameters().contributions(vector);
            List<Contribution> contributions = new ArrayList<>();
            List<String> names = schema.names();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                boolean category = i >= schema.numeric().size();
                if (category && vector[i] == 0) {
                    continue;
                }
                Object value = category ? features.get(schema.categorical()) : vector[i];
                contributions.add(new Contribution(category ? schema.categorical() : name, value, round(effects[i])));
            }
            contributions.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.effect())).reversed());
            return new Prediction(round(probability), ModelServing.MODEL, model.file().version(),
                    List.copyOf(contributions.subList(0, Math.min(SHOWN_CONTRIBUTIONS, contributions.size()))),
                    List.copyOf(anomalies), (System.nanoTime() - started) / 1000);
        });
        prediction.ifPresent(p -> log(features, estimateId, p));
        return prediction;
    }

    private void log(Map<String, Object> features, Long estimateId, Prediction prediction) {
        predictionLog.record(new PredictionLog.Entry(estimateId, Map.copyOf(features), prediction, clock.instant()));
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
