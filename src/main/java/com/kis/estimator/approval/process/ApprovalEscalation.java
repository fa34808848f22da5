package com.kis.estimator.approval.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * When an approval task misses its SLA: the task is flagged {@code overdue} (task variable, higher priority)
 * and the next level's group becomes a candidate too, so the approval does not stall behind one absent person.
 * After the last level of the route the escalation ladder continues (approver → manager → director).
 */
@Component("approvalEscalation")
@ProcessApi
public class ApprovalEscalation {

    private static final Map<String, String> LADDER = Map.of("approver", "manager", "manager", "director");
    private static final int OVERDUE_PRIORITY = 80;
    private static final Logger log = LoggerFactory.getLogger(ApprovalEscalation.class);

    private final TaskService tasks;

    ApprovalEscalation(TaskService tasks) {
        this.tasks = tasks;
    }

    public void escalate(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Approve").active().singleResult();
        if (task == null) {
            return;
        }
        tasks.setVariableLocal(task.getId(), ApprovalVariables.OVERDUE, true);
        task.setPriority(OVERDUE_PRIORITY);
        tasks.saveTask(task);
        String next = nextGroup(execution);
        if (next != null) {
            tasks.addCandidateGroup(task.getId(), next);
        }
        log.atWarn().addKeyValue("action", "escalate_approval")
                .addKeyValue("estimateId", execution.getVariable(ApprovalVariables.ESTIMATE_NUMBER))
                .log("Approval of {} at level {} is overdue; {} added", execution.getVariable(ApprovalVariables.ESTIMATE_NUMBER),
                        execution.getVariable(ApprovalVariables.LEVEL), next);
    }

    static String nextGroup(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<String> levels = (List<String>) execution.getVariable(ApprovalVariables.LEVELS);
        int index = ((Number) execution.getVariable("loopCounter")).intValue();
        if (index + 1 < levels.size()) {
            return levels.get(index + 1);
        }
        return LADDER.get(levels.get(index));
    }
}
