package com.kis.estimator.ai.anomaly;

import java.util.Arrays;

/**
 * The usual range of a quantity, from its history, by robust statistics. The centre is the median. The width
 * is three scaled median absolute deviations (1.4826·MAD estimates a standard deviation and does not let one
 * wild quote widen the band). Half-width is at least {@code floor}, so that a history of identical prices does
 * not flag a rounding difference. Fewer than {@link #MINIMUM_SAMPLES} samples judge nothing.
 */
public record PriceBand(double median, double low, double high, int samples) {

    public static final int MINIMUM_SAMPLES = 5;
    private static final double WIDTH = 3 * 1.4826;

    /** Null when there are too few samples to judge by. */
    public static PriceBand of(double[] samples, double floor) {
        if (samples.length < MINIMUM_SAMPLES) {
            return null;
        }
        double median = median(samples);
        double[] deviations = Arrays.stream(samples).map(value -> Math.abs(value - median)).toArray();
        double halfWidth = Math.max(WIDTH * median(deviations), floor);
        return new PriceBand(median, median - halfWidth, median + halfWidth, samples.length);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
