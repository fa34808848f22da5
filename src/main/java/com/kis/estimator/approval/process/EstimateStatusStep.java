package com.kis.estimator.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.EstimateLifecycle;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * The process's way of moving the estimate: {@code ${estimateStatus.set(execution, 'APPROVED')}}. The estimate
 * module checks the transition; the actor is the last person who decided, the reason their comment.
 */
@Component("estimateStatus")
@ProcessApi
public class EstimateStatusStep {

    private final EstimateLifecycle lifecycle;

    EstimateStatusStep(EstimateLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void set(DelegateExecution execution, String status) {
        long estimateId = ((Number) execution.getVariable(ApprovalVariables.ESTIMATE_ID)).longValue();
        Object actor = execution.getVariable(ApprovalVariables.LAST_APPROVER);
        Object comment = execution.getVariable(ApprovalVariables.COMMENT);
        lifecycle.changeStatus(estimateId, EstimateStatus.valueOf(status), actor == null ? "process" : actor.toString(),
                comment == null ? null : comment.toString());
    }
}
