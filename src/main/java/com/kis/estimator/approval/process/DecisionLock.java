package com.kis.estimator.approval.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets one decision at a time through an approval task. The engine alone would let two completions of the same
 * task run side by side until its optimistic lock fails the later one at flush, and until then the later one
 * reads whatever the earlier one has already committed: a task whose level's variables are gone, a process that
 * has moved on. Locking the task's row first makes the later one wait, and then find the task gone.
 * <p>
 * Runs in the engine's transaction (Spring's, shared with JDBC), so the lock lasts until the decision commits or
 * rolls back.
 */
@Component
class DecisionLock {

    private final JdbcTemplate jdbc;
    private final String sql;

    DecisionLock(JdbcTemplate jdbc, ManagementService management) {
        this.jdbc = jdbc;
        // the name with the engine's table prefix, as configured
        this.sql = "SELECT ID_ FROM " + management.getTableName(Task.class) + " WHERE ID_ = ? FOR UPDATE";
    }

    /** Waits for any other decision on the task to end; false when that decision completed it. */
    boolean lock(String taskId) {
        return !jdbc.queryForList(sql, String.class, taskId).isEmpty();
    }
}
