package com.kis.estimator.approval.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.approval.record.ApprovalRecords;

/**
 * Lets one decision at a time through an approval task. The engine alone would let two completions of the same
 * task run side by side until its optimistic lock fails the later one at flush, and until then the later one
 * reads whatever the earlier one has already committed: a task whose level's variables are gone, a process that
 * has moved on. Locking the task's row first makes the later one wait, and then find the task gone.
 * <p>
 * Runs in the engine's transaction (Spring's, shared with JDBC), so the lock lasts until the decision commits or
 * rolls back. The task listener takes it for every completion (Tasklist's too); {@code POST /approve} takes it
 * before it hands the task to the engine, because the engine already reads the task's execution tree while it
 * sets the decision's variables, before any listener runs.
 */
@Component
public class DecisionLock {

    private final JdbcTemplate jdbc;
    private final ApprovalRecords records;
    private final String sql;

    DecisionLock(JdbcTemplate jdbc, ManagementService management, ApprovalRecords records) {
        this.jdbc = jdbc;
        this.records = records;
        // the name with the engine's table prefix, as configured
        this.sql = "SELECT ID_ FROM " + management.getTableName(Task.class) + " WHERE ID_ = ? FOR UPDATE";
    }

    /**
     * Waits for any other decision on the task to end; when that one completed the task, refuses this one (409)
     * with who decided. Held until the caller's transaction ends; taking it again in the same transaction does not
     * wait.
     */
    public void acquire(String taskId) {
        if (jdbc.queryForList(sql, String.class, taskId).isEmpty()) {
            var decided = records.findByTaskId(taskId);
            throw decided.map(other -> ApprovalRefused.because(
                            other.getApprover() + "님이 방금 이 승인을 결정했습니다 (" + other.getDecision() + ")",
                            other.getApprover() + " decided this approval a moment ago (" + other.getDecision() + ")"))
                    .orElseGet(() -> ApprovalRefused.because("이 승인 작업은 방금 닫혔습니다 (결정되었거나 견적이 회수됨)",
                            "this approval task closed a moment ago (decided, or the estimate withdrawn)"));
        }
    }
}
