package com.kis.estimator.platform.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Full history without its one row per variable write ({@code ACT_HI_DETAIL}, and a copy of every serialized value
 * in {@code ACT_GE_BYTEARRAY}). A submission writes about twenty variables for the approvers' form, so these rows
 * were a fifth of its inserts. Everything else of history level {@code full} stays: each variable's last value
 * ({@code ACT_HI_VARINST}), activities, tasks, the routing decision's inputs and outputs, the operation log.
 * Who decided what, when and with which comment is the business record ({@code estimate_approvals}, the audit
 * log), not the variables' write history, which Cockpit CE does not show anyway.
 * <p>
 * {@code kis.workflow.variable-update-details=true} writes them again. The database's history level stays
 * {@code full} either way, so switching needs no migration.
 */
@Component
@ConditionalOnProperty(name = "kis.workflow.variable-update-details", havingValue = "false", matchIfMissing = true)
class NoVariableUpdateDetails extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        // in place of Camunda's own database handler, which the engine would otherwise put first
        handlers.add(0, new WithoutDetails());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    static final class WithoutDetails extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
