package com.kis.estimator.ai.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.kis.estimator.ai.training.Evaluation;

/** A candidate replaces the active model only if its held-out AUC is at least as good. */
class PromotionRuleTest {

    @Test
    void atLeastAsGoodReplacesWorseDoesNot() {
        assertThat(candidate(0.80, null).atLeastAsGood()).as("no active model").isTrue();
        assertThat(candidate(0.80, 0.80).atLeastAsGood()).as("as good").isTrue();
        assertThat(candidate(0.81, 0.80).atLeastAsGood()).as("better").isTrue();
        assertThat(candidate(0.79, 0.80).atLeastAsGood()).as("worse").isFalse();
    }

    private static ModelTraining.Candidate candidate(double auc, Double activeAuc) {
        return new ModelTraining.Candidate(null, new Evaluation(100, auc, 0.5, List.of()), activeAuc, 0);
    }
}
