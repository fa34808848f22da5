package com.kis.estimator.ai.serving;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ai.features.FeatureSchema;

/**
 * Scores an estimate's features with the served model and logs every prediction in {@code erp_ai.predictions}
 * (a hash of the input, the output, the model version, the latency, the estimate).
 */
@Service
public class WinPredictions {

    /** One feature's push on the score: its value and how far it moved the log-odds from an average estimate. */
    public record Contribution(String feature, Object value, double effect) {
    }

    public record Prediction(double winProbability, String model, int modelVersion, List<Contribution> contributions,
            long latencyMicros) {
    }

    private static final int SHOWN_CONTRIBUTIONS = 5;

    private final ModelServing serving;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    WinPredictions(ModelServing serving, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.serving = serving;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @return empty when no model serves
     * @throws com.kis.estimator.ai.features.FeatureRefused naming what cannot be scored
     */
    public Optional<Prediction> predict(Map<String, Object> features, Long estimateId) {
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
                    (System.nanoTime() - started) / 1000);
        });
        prediction.ifPresent(p -> log(features, estimateId, p));
        return prediction;
    }

    private void log(Map<String, Object> features, Long estimateId, Prediction prediction) {
        jdbc.update("INSERT INTO erp_ai.predictions (model_name, model_version, estimate_id, input_hash,"
                + " win_probability, output, latency_us, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                prediction.model(), prediction.modelVersion(), estimateId, hash(features),
                BigDecimal.valueOf(prediction.winProbability()).setScale(5, RoundingMode.HALF_UP),
                write(prediction), prediction.latencyMicros(), Timestamp.from(clock.instant()));
    }

    /** SHA-256 of the features as sorted JSON: the same input always hashes alike. */
    private String hash(Map<String, Object> features) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(new TreeMap<>(features)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
