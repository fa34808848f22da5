package com.kis.estimator.ai.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.kis.estimator.ai.features.FeatureSchema;

/**
 * Closed estimates that never happened, with a known hidden relationship between features and outcome: the
 * embedded default's first history (marked synthetic wherever it is stored) and the trainer's test. Customers
 * who usually buy buy again, a deeper discount helps, a fat margin, a big total and many revisions hurt, and
 * key accounts win more often.
 */
public final class SyntheticHistory {

    private SyntheticHistory() {
    }

    /** The hidden log-odds of winning; what a good trainer should recover. */
    public static double trueLogit(Map<String, Object> f) {
        double tier = switch ((String) f.get("customerTier")) {
            case "VIP" -> 0.6;
            case "A" -> 0.25;
            case "C" -> -0.5;
            default -> 0;
        };
        return 0.2 + 4.0 * ((double) f.get("customerWinRate") - 0.45)
                + 0.12 * ((double) f.get("maxDiscountPercent") - 8)
                - 0.09 * ((double) f.get("marginPercent") - 18)
                - 0.7 * ((double) f.get("logTotal") - 16.5)
                - 0.25 * ((double) f.get("revisionCount") - 1.5)
                + tier;
    }

    /** Raw features of {@code count} estimates, with their outcome drawn from the hidden relationship. */
    public static List<Map<String, Object>> estimates(int count, long seed) {
        Random random = new Random(seed);
        String[] tiers = {"VIP", "A", "A", "B", "B", "B", "C", "C"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            int lines = 1 + random.nextInt(20);
            double total = Math.exp(14 + random.nextDouble() * 5); // 1.2M – 180M won
            f.put("logTotal", Math.log(total));
            f.put("maxDiscountPercent", Math.round(random.nextDouble() * 25 * 10) / 10.0);
            f.put("marginPercent", Math.round((5 + random.nextGaussian() * 6 + 15) * 10) / 10.0);
            f.put("customerWinRate", Math.min(1, Math.max(0, 0.45 + random.nextGaussian() * 0.2)));
            f.put("lineCount", (double) lines);
            f.put("validityDays", (double) (15 + random.nextInt(4) * 15));
            f.put("revisionCount", (double) (1 + random.nextInt(4)));
            double[] shares = new double[4];
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                shares[k] = random.nextDouble();
                sum += shares[k];
            }
            f.put("shareBreaker", shares[0] / sum);
            f.put("sharePanel", shares[1] / sum);
            f.put("shareTransformer", shares[2] / sum);
            f.put("shareCable", shares[3] / sum);
            f.put("customerTier", tiers[random.nextInt(tiers.length)]);
            f.put("won", random.nextDouble() < WinModelParameters.sigmoid(trueLogit(f)));
            rows.add(f);
        }
        return rows;
    }

    public static List<Example> examples(FeatureSchema schema, List<Map<String, Object>> rows) {
        List<Example> examples = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> features = new LinkedHashMap<>(row);
            boolean won = (boolean) features.remove("won");
            examples.add(new Example(schema.vector(features), won));
        }
        return examples;
    }
}
