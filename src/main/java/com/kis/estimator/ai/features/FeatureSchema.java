package com.kis.estimator.ai.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The features of an estimate as the model sees them, in a fixed order: numbers as they are, the customer tier
 * one-hot. The schema travels with every model artifact, so a model is only ever fed the vector it was
 * trained on.
 */
public record FeatureSchema(int version, List<String> numeric, String categorical, List<String> categories) {

    /**
     * Version 1: what an approver would weigh, known before the approval starts (so not the approval levels,
     * which routing decides after the score).
     */
    public static final FeatureSchema V1 = new FeatureSchema(1,
            List.of("logTotal", "maxDiscountPercent", "marginPercent", "customerWinRate", "lineCount",
                    "validityDays", "revisionCount", "shareBreaker", "sharePanel", "shareTransformer",
                    "shareCable"),
            "customerTier", List.of("VIP", "A", "B", "C"));

    /** The vector's names: the numeric features, then one per category ({@code customerTier=VIP}, …). */
    public List<String> names() {
        List<String> names = new ArrayList<>(numeric);
        categories.forEach(category -> names.add(categorical + "=" + category));
        return names;
    }

    public int size() {
        return numeric.size() + categories.size();
    }

    /**
     * The vector for raw features given by name.
     *
     * @throws FeatureRefused naming every missing, unexpected, non-finite or unknown value
     */
    public double[] vector(Map<String, ?> raw) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new TreeSet<>(numeric);
        expected.add(categorical);
        raw.keySet().stream().filter(key -> !expected.contains(key)).sorted()
                .forEach(key -> problems.add(key + ": not a feature of this model"));
        double[] vector = new double[size()];
        for (int i = 0; i < numeric.size(); i++) {
            String name = numeric.get(i);
            Object value = raw.get(name);
            if (value == null) {
                problems.add(name + ": missing");
            } else if (!(value instanceof Number number)) {
                problems.add(name + ": not a number (" + value + ")");
            } else if (!Double.isFinite(number.doubleValue())) {
                problems.add(name + ": must be a finite number, was " + number);
            } else {
                vector[i] = number.doubleValue();
            }
        }
        Object category = raw.get(categorical);
        int at = category == null ? -1 : categories.indexOf(category.toString().toUpperCase(Locale.ROOT));
        if (category == null) {
            problems.add(categorical + ": missing");
        } else if (at < 0) {
            problems.add(categorical + ": unknown category " + category + ", expected one of " + categories);
        } else {
            vector[numeric.size() + at] = 1;
        }
        if (!problems.isEmpty()) {
            throw new FeatureRefused(problems);
        }
        return vector;
    }

    /** The raw features back from a vector, for reports. */
    public Map<String, Object> raw(double[] vector) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            raw.put(numeric.get(i), vector[i]);
        }
        for (int i = 0; i < categories.size(); i++) {
            if (vector[numeric.size() + i] == 1) {
                raw.put(categorical, categories.get(i));
            }
        }
        return raw;
    }
}
