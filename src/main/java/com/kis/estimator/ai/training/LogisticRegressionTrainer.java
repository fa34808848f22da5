package com.kis.estimator.ai.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.kis.estimator.ai.features.FeatureSchema;

/**
 * Trains the win model: logistic regression by mini-batch gradient descent with a little L2, on normalised
 * features. Small, fast (100,000 rows in seconds), and its weights explain themselves, which approvers need
 * more than a few points of AUC. Deterministic for a given seed.
 */
public final class LogisticRegressionTrainer {

    /** Fewer closed estimates than this and no model is worth having. */
    public static final int MINIMUM_EXAMPLES = 200;

    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double l2;
    private final long seed;

    public LogisticRegressionTrainer(int epochs, int batchSize, double learningRate, double l2, long seed) {
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.seed = seed;
    }

    public static LogisticRegressionTrainer defaults() {
        return new LogisticRegressionTrainer(40, 64, 0.1, 1e-4, 42);
    }

    /**
     * @throws TrainingRefused when there are too few examples, or only wins or only losses
     */
    public WinModelParameters train(FeatureSchema schema, List<Example> examples) {
        long won = examples.stream().filter(Example::won).count();
        if (examples.size() < MINIMUM_EXAMPLES) {
            throw new TrainingRefused("only " + examples.size() + " closed estimates; at least " + MINIMUM_EXAMPLES
                    + " are needed for a model worth using");
        }
        if (won == 0 || won == examples.size()) {
            throw new TrainingRefused("all " + examples.size() + " closed estimates were "
                    + (won == 0 ? "lost" : "won") + "; a model needs both outcomes");
        }
        int size = schema.size();
        Normalization normalization = Normalization.of(examples, size);
        List<double[]> z = new ArrayList<>(examples.size());
        double[] y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            z.add(normalization.apply(examples.get(i).features()));
            y[i] = examples.get(i).won() ? 1 : 0;
        }
        double[] weights = new double[size];
        // start from the base rate, so that early steps go into the features
        double bias = Math.log((double) won / (examples.size() - won));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        double[] gradient = new double[size];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double rate = learningRate / (1 + 0.05 * epoch);
            for (int start = 0; start < order.size(); start += batchSize) {
                int end = Math.min(order.size(), start + batchSize);
                java.util.Arrays.fill(gradient, 0);
                double biasGradient = 0;
                for (int k = start; k < end; k++) {
                    int row = order.get(k);
                    double[] features = z.get(row);
                    double sum = bias;
                    for (int i = 0; i < size; i++) {
                        sum += weights[i] * features[i];
                    }
                    double error = WinModelParameters.sigmoid(sum) - y[row];
                    for (int i = 0; i < size; i++) {
                        gradient[i] += error * features[i];
                    }
                    biasGradient += error;
                }
                int n = end - start;
                for (int i = 0; i < size; i++) {
                    weights[i] -= rate * (gradient[i] / n + l2 * weights[i]);
                }
                bias -= rate * biasGradient / n;
            }
        }
        return new WinModelParameters(schema, normalization, weights, bias);
    }
}
