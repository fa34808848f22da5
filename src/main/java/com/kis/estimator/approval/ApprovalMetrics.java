package com.kis.estimator.approval;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.observability.DatabaseGauges;

/**
 * Open and overdue approval tasks as gauges ({@code kis_approvals_open}, {@code kis_approvals_overdue}); how long
 * each level took is recorded by the task listener as {@code kis_approval_decision_seconds{level,decision}}. Counted
 * in the background ({@link DatabaseGauges}).
 */
@Component
class ApprovalMetrics {

    ApprovalMetrics(TaskService tasks, DatabaseGauges gauges) {
        gauges.register("kis.approvals.open", "Approval tasks waiting for a decision",
                () -> approvalTasks(tasks).count());
        gauges.register("kis.approvals.overdue", "Approval tasks past their due date",
                () -> approvalTasks(tasks).dueBefore(new Date()).count());
    }

    private static TaskQuery approvalTasks(TaskService tasks) {
        return tasks.createTaskQuery().processDefinitionKey(ApprovalSubmission.PROCESS).taskDefinitionKey("Approve");
    }
}
