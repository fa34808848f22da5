package com.kis.estimator.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.kis.estimator.ai.features.FeatureRefused;
import com.kis.estimator.ai.features.FeatureSchema;
import com.kis.estimator.ai.model.SavedModelWriter;
import com.kis.estimator.ai.serving.DjlWinModel;
import com.kis.estimator.ai.serving.ModelUnusable;
import com.kis.estimator.ai.training.Evaluation;
import com.kis.estimator.ai.training.Example;
import com.kis.estimator.ai.training.LogisticRegressionTrainer;
import com.kis.estimator.ai.training.SyntheticHistory;
import com.kis.estimator.ai.training.TrainingRefused;
import com.kis.estimator.ai.training.WinModelParameters;

/**
 * The trainer finds the hidden relationship of a synthetic history, and the SavedModel written from its weights
 * scores in DJL's TensorFlow engine exactly as the Java forward pass does.
 */
class WinModelTrainingTest {

    private static final FeatureSchema SCHEMA = FeatureSchema.V1;

    @Test
    void theTrainerRecoversTheHiddenRelationship() {
        List<Example> all = SyntheticHistory.examples(SCHEMA, SyntheticHistory.estimates(5000, 7));
        List<Example> training = all.subList(0, 4000);
        List<Example> heldOut = all.subList(4000, 5000);

        WinModelParameters model = LogisticRegressionTrainer.defaults().train(SCHEMA, training);
        Evaluation evaluation = Evaluation.of(model, heldOut);

        assertThat(evaluation.auc()).isGreaterThanOrEqualTo(0.8);
        assertThat(evaluation.logLoss()).isLessThan(Math.log(2));
        // calibrated: in each well-filled tenth, the share won is within three standard errors of the mean predicted
        assertThat(evaluation.calibration()).filteredOn(b -> b.count() >= 50).allSatisfy(b -> assertThat(b.shareWon())
                .isCloseTo(b.meanPredicted(), within(3 * Math.sqrt(b.meanPredicted() * (1 - b.meanPredicted())
                        / b.count()) + 0.02)));
        // and the signs are the hidden ones: customers who buy, discounts help; margin and size hurt
        List<String> names = SCHEMA.names();
        assertThat(model.weights()[names.indexOf("customerWinRate")]).isPositive();
        assertThat(model.weights()[names.indexOf("maxDiscountPercent")]).isPositive();
        assertThat(model.weights()[names.indexOf("marginPercent")]).isNegative();
        assertThat(model.weights()[names.indexOf("logTotal")]).isNegative();
    }

    @Test
    void tooLittleOrOneSidedHistoryIsRefused() {
        List<Example> few = SyntheticHistory.examples(SCHEMA, SyntheticHistory.estimates(150, 1));
        assertThatThrownBy(() -> LogisticRegressionTrainer.defaults().train(SCHEMA, few))
                .isInstanceOf(TrainingRefused.class).hasMessageContaining("at least 200");
        List<Example> allWon = new ArrayList<>();
        for (Example example : SyntheticHistory.examples(SCHEMA, SyntheticHistory.estimates(300, 2))) {
            allWon.add(new Example(example.features(), true));
        }
        assertThatThrownBy(() -> LogisticRegressionTrainer.defaults().train(SCHEMA, allWon))
                .isInstanceOf(TrainingRefused.class).hasMessageContaining("both outcomes");
    }

    @Test
    void featuresThatCannotBeScoredAreNamed() {
        Map<String, Object> raw = new java.util.HashMap<>(SyntheticHistory.estimates(1, 3).get(0));
        raw.remove("won");
        raw.remove("lineCount");
        raw.put("marginPercent", Double.NaN);
        raw.put("customerTier", "GOLD");
        raw.put("colour", "blue");
        assertThatThrownBy(() -> SCHEMA.vector(raw)).isInstanceOfSatisfying(FeatureRefused.class, e ->
                assertThat(e.problems()).containsExactlyInAnyOrder("colour: not a feature of this model",
                        "lineCount: missing", "marginPercent: must be a finite number, was NaN",
                        "customerTier: unknown category GOLD, expected one of [VIP, A, B, C]"));
    }

    @Test
    void tensorFlowServesTheTrainersScores(@TempDir Path directory) throws Exception {
        List<Example> examples = SyntheticHistory.examples(SCHEMA, SyntheticHistory.estimates(2000, 11));
        WinModelParameters model = LogisticRegressionTrainer.defaults().train(SCHEMA, examples);
        SavedModelWriter.write(model, directory);

        float[][] rows = new float[200][];
        for (int i = 0; i < rows.length; i++) {
            double[] features = examples.get(i).features();
            rows[i] = new float[features.length];
            for (int k = 0; k < features.length; k++) {
                rows[i][k] = (float) features[k];
            }
        }
        try (DjlWinModel served = DjlWinModel.load(directory, 2, SCHEMA.size())) {
            float[] scores = served.predict(rows);
            assertThat(scores).hasSize(rows.length);
            for (int i = 0; i < rows.length; i++) {
                double[] asFloats = new double[rows[i].length];
                for (int k = 0; k < asFloats.length; k++) {
                    asFloats[k] = rows[i][k];
                }
                assertThat((double) scores[i]).isCloseTo(model.probability(asFloats), within(1e-5));
            }
        }
    }

    @Test
    void aGraphTensorFlowCannotReadIsRefused(@TempDir Path directory) throws Exception {
        Files.createDirectories(directory.resolve("variables"));
        Files.write(directory.resolve(SavedModelWriter.FILE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> DjlWinModel.load(directory, 1, SCHEMA.size())).isInstanceOf(ModelUnusable.class);
    }
}
