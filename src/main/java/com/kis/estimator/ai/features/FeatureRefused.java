package com.kis.estimator.ai.features;

import java.util.List;

/** Features that cannot be scored, each problem named. */
public class FeatureRefused extends RuntimeException {

    private final List<String> problems;

    public FeatureRefused(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
