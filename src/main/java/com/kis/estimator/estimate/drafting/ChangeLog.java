package com.kis.estimator.estimate.drafting;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.EstimateChanged;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistory;
import com.kis.estimator.estimate.model.EstimateHistoryEntry;

/** Records a change in the estimate's history and announces it ({@link EstimateChanged}), in one step. */
@Component
class ChangeLog {

    private final EstimateHistory history;
    private final ApplicationEventPublisher events;

    ChangeLog(EstimateHistory history, ApplicationEventPublisher events) {
        this.history = history;
        this.events = events;
    }

    /** The estimate as it is after the change; {@code fromStatus} the status before it. */
    void record(Estimate estimate, EstimateHistoryEntry.Action action, EstimateStatus fromStatus, String actor,
            String detail, Instant at) {
        history.save(new EstimateHistoryEntry(estimate, action, fromStatus, actor, detail, at));
        events.publishEvent(EstimateChanged.of(estimate, action.name()));
    }
}
