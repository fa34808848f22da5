package com.kis.estimator.platform.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the indexes Camunda's schema lacks for how this application uses the engine, each found in the approval
 * benchmark with PostgreSQL's statement statistics (20,000 open approval tasks, each with its SLA timer):
 * <ul>
 * <li>{@code kis_idx_task_parent}: completing or deleting any task looks for its subtasks
 * ({@code where PARENT_TASK_ID_ = ?}); without an index that read every open task, 6–7 ms per decision.</li>
 * <li>{@code kis_idx_job_due}: the job executor looks for due jobs many times a second. Every open approval task
 * and every approved estimate holds a timer due days or weeks ahead, and without an index each look read them all
 * (2.6 ms). The index serves the look only when every job has a due date: {@code ensure-job-due-date-not-null} in
 * application.yaml, and jobs left without one by an earlier version get their creation time here.</li>
 * </ul>
 * Created after the engine has created or upgraded its own tables; {@code IF NOT EXISTS} makes restarts free, and
 * Camunda's upgrade scripts leave indexes they do not know alone. Where the database account may not create
 * indexes, the engine still starts and the warning says what to run.
 */
@Component
class CamundaIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaIndexes.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        List<String> statements = new ArrayList<>(List.of(
                "CREATE INDEX IF NOT EXISTS kis_idx_task_parent ON " + prefix + "ACT_RU_TASK (PARENT_TASK_ID_)",
                "CREATE INDEX IF NOT EXISTS kis_idx_job_due ON " + prefix + "ACT_RU_JOB (DUEDATE_)"));
        if (configuration.isEnsureJobDueDateNotNull()) {
            // A new revision, so that an engine still holding such a job fails its optimistic lock instead of
            // writing the empty due date back.
            statements.add("UPDATE " + prefix + "ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP),"
                    + " REV_ = REV_ + 1 WHERE DUEDATE_ IS NULL");
        }
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                execute(statement, sql);
            }
        } catch (SQLException e) {
            log.warn("No connection for Camunda's additional indexes: {}", e.getMessage(), e);
        }
    }

    private static void execute(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            log.warn("Could not run `{}`; the engine works without it, only slower as tasks and timers pile up: {}",
                    sql, e.getMessage());
        }
    }
}
