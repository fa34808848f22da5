package com.kis.estimator.ai.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How good a model is on examples it did not see.
 *
 * @param auc         the chance a won estimate scores above a lost one (0.5 is guessing)
 * @param logLoss     mean negative log-likelihood of the outcomes (lower is better)
 * @param calibration per tenth of predicted probability: mean predicted and share actually won
 */
public record Evaluation(int examples, double auc, double logLoss, List<Bucket> calibration) {

    public record Bucket(double from, double to, int count, double meanPredicted, double shareWon) {
    }

    public static Evaluation of(WinModelParameters model, List<Example> heldOut) {
        List<double[]> scored = new ArrayList<>();
        double logLoss = 0;
        for (Example example : heldOut) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, model.probability(example.features())));
            scored.add(new double[] {p, example.won() ? 1 : 0});
            logLoss -= example.won() ? Math.log(p) : Math.log(1 - p);
        }
        return new Evaluation(heldOut.size(), auc(scored), logLoss / heldOut.size(), calibration(scored));
    }

    /** Mann–Whitney: ranks with ties averaged. */
    static double auc(List<double[]> scored) {
        List<double[]> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(s -> s[0]));
        double rankSumWon = 0;
        long won = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1)[0] == sorted.get(i)[0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (sorted.get(k)[1] == 1) {
                    rankSumWon += rank;
                    won++;
                }
            }
            i = j + 1;
        }
        long lost = sorted.size() - won;
        if (won == 0 || lost == 0) {
            return 0.5;
        }
        return (rankSumWon - won * (won + 1) / 2.0) / ((double) won * lost);
    }

    private static List<Bucket> calibration(List<double[]> scored) {
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double from = b / 10.0;
            double to = (b + 1) / 10.0;
            int last = b;
            List<double[]> in = scored.stream()
                    .filter(s -> s[0] >= from && (s[0] < to || last == 9)).toList();
            if (!in.isEmpty()) {
                buckets.add(new Bucket(from, to, in.size(), in.stream().mapToDouble(s -> s[0]).average().orElse(0),
                        in.stream().mapToDouble(s -> s[1]).average().orElse(0)));
            }
        }
        return buckets;
    }
}
