package com.kis.estimator.approval.process;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * Turns the routing decision's rows (COLLECT: every matching rule adds a level) into the groups that approve,
 * in order of level, each once: [approver, manager, manager, director] → [approver, manager, director].
 * Called by the output mapping of "Decide approval levels" ({@code ${planApprovalLevels.levels(decisionResult)}}),
 * so the rows never become a process variable of their own.
 * <p>
 * Approvals started on an earlier version of the process still have the step "Order the levels", which calls this
 * bean as a delegate with the rows in the variable {@code routing}; they reach it again when resubmitted.
 */
@Component("planApprovalLevels")
@ProcessApi
public class PlanApprovalLevels implements JavaDelegate {

    private static final String EARLIER_ROUTING_VARIABLE = "routing";

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        var routing = (List<Map<String, Object>>) execution.getVariable(EARLIER_ROUTING_VARIABLE);
        execution.setVariable(ApprovalVariables.LEVELS, levels(routing));
    }

    public List<String> levels(List<? extends Map<String, Object>> routing) {
        if (routing == null || routing.isEmpty()) {
            throw new IllegalStateException("approval-routing.dmn returned no approval level; every estimate needs one");
        }
        return routing.stream()
                .sorted(Comparator.comparingInt(row -> ((Number) row.get("level")).intValue()))
                .map(row -> (String) row.get("group"))
                .distinct()
                .toList();
    }
}
