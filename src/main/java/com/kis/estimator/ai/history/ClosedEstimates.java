package com.kis.estimator.ai.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.kis.estimator.ai.features.EstimateFeatures;
import com.kis.estimator.estimate.EstimateClosed;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.ScoringFacts;

/**
 * Adds each closed estimate to the history the model learns from: a snapshot of its features as they stood
 * when it was won or lost. Taken after the close is committed, in a transaction of its own, so that trouble
 * here never undoes a close; a snapshot that fails is logged and missing from the history.
 */
@Component
class ClosedEstimates {

    private static final Logger log = LoggerFactory.getLogger(ClosedEstimates.class);

    private final EstimateFeatures features;
    private final EstimateQueries estimates;
    private final TrainingData history;

    ClosedEstimates(EstimateFeatures features, EstimateQueries estimates, TrainingData history) {
        this.features = features;
        this.estimates = estimates;
        this.history = history;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void closed(EstimateClosed closed) {
        try {
            if (history.has(closed.estimateId())) {
                return;
            }
            estimates.scoringFacts(closed.estimateId()).ifPresent(facts -> history.add("estimate",
                    closed.estimateId(), closed.number(), closed.customerCode(),
                    facts.lines().stream().map(ScoringFacts.Line::productCode).distinct().toList(),
                    features.of(facts), closed.won(), closed.closedAt()));
        } catch (RuntimeException e) {
            log.error("Estimate {} closed but its features could not be stored for training: {}", closed.number(),
                    e.getMessage(), e);
        }
    }
}
