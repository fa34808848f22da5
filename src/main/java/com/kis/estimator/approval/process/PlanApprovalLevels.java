package com.kis.estimator.approval.process;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the routing decision's rows (COLLECT: every matching rule adds a level) into the groups that approve,
 * in order of level, each once: [approver, manager, manager, director] → [approver, manager, director].
 */
@Component("planApprovalLevels")
class PlanApprovalLevels implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> routing = (List<Map<String, Object>>) execution.getVariable(ApprovalVariables.ROUTING);
        execution.setVariable(ApprovalVariables.LEVELS, levels(routing));
    }

    static List<String> levels(List<Map<String, Object>> routing) {
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
