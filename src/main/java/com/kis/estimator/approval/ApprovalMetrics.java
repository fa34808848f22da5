package com.kis.estimator.approval;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Open and overdue approval tasks as gauges ({@code kis_approvals_open}, {@code kis_approvals_overdue}); how long
 * each level took is recorded by the task listener as {@code kis_approval_decision_seconds{level,decision}}.
 */
@Component
class ApprovalMetrics implements MeterBinder {

    private final TaskService tasks;

    ApprovalMetrics(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kis.approvals.open", tasks, t -> approvalTasks(t).count())
                .description("Approval tasks waiting for a decision").register(registry);
        Gauge.builder("kis.approvals.overdue", tasks, t -> approvalTasks(t).dueBefore(new Date()).count())
                .description("Approval tasks past their due date").register(registry);
    }

    private static TaskQuery approvalTasks(TaskService tasks) {
        return tasks.createTaskQuery().processDefinitionKey(ApprovalSubmission.PROCESS).taskDefinitionKey("Approve");
    }
}
