package com.kis.estimator.platform.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the one index Camunda's schema lacks for us: task → subtasks. Completing or deleting any task looks for its
 * subtasks ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}); without an index PostgreSQL reads every
 * open task to find none, which was 6–7 ms per approval decision with 20,000 open tasks, and grows with them.
 * <p>
 * Created after the engine has created or upgraded its own tables; {@code IF NOT EXISTS} makes restarts free.
 * Camunda's upgrade scripts do not know this index and leave it alone. Where the database account may not create
 * indexes, the engine still starts and the warning says what to run.
 */
@Component
class SubtaskIndex extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SubtaskIndex.class);

    static final String NAME = "kis_idx_task_parent";

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        String ddl = "CREATE INDEX IF NOT EXISTS " + NAME + " ON " + prefix + "ACT_RU_TASK (PARENT_TASK_ID_)";
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(ddl);
        } catch (SQLException e) {
            log.warn("Could not create the subtask index; every task completion will scan the open tasks. Run: {}",
                    ddl, e);
        }
    }
}
