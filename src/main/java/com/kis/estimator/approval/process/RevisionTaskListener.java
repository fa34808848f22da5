package com.kis.estimator.approval.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * Names the owner's "Revise and resubmit" task for Tasklist's list ("EST-2026-000012 · (주)한빛전기공사 · 수정 요청"):
 * a salesperson with several estimates sent back must see which one each task is before opening it.
 */
@Component("revisionTaskListener")
@ProcessApi
class RevisionTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setName(task.getVariable(ApprovalVariables.ESTIMATE_NUMBER) + " · "
                + task.getVariable(ApprovalVariables.CUSTOMER_NAME) + " · 수정 요청 (changes requested)");
    }
}
