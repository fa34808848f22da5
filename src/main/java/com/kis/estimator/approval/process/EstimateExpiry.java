package com.kis.estimator.approval.process;

import java.util.EnumSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.EstimateLifecycle;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.platform.workflow.ProcessApi;

/** At the end of an approved estimate's validity: APPROVED or SENT becomes EXPIRED; WON and LOST stay. */
@Component("estimateExpiry")
@ProcessApi
public class EstimateExpiry {

    private static final EnumSet<EstimateStatus> STILL_OPEN = EnumSet.of(EstimateStatus.APPROVED, EstimateStatus.SENT);

    private final EstimateQueries estimates;
    private final EstimateLifecycle lifecycle;

    EstimateExpiry(EstimateQueries estimates, EstimateLifecycle lifecycle) {
        this.estimates = estimates;
        this.lifecycle = lifecycle;
    }

    public void expireIfOpen(DelegateExecution execution) {
        long estimateId = ((Number) execution.getVariable(ApprovalVariables.ESTIMATE_ID)).longValue();
        estimates.approvalFacts(estimateId)
                .filter(facts -> STILL_OPEN.contains(facts.status()))
                .ifPresent(facts -> lifecycle.changeStatus(estimateId, EstimateStatus.EXPIRED, "process",
                        "validity ended on " + facts.validUntil()));
    }
}
