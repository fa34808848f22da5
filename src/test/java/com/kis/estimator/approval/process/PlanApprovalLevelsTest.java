package com.kis.estimator.approval.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class PlanApprovalLevelsTest {

    private final PlanApprovalLevels plan = new PlanApprovalLevels();

    @Test
    void rowsBecomeGroupsInOrderOfLevelEachOnce() {
        var rows = List.of(row(3, "director"), row(1, "approver"), row(2, "manager"), row(2, "manager"),
                row(3, "director"));

        assertThat(plan.levels(rows)).containsExactly("approver", "manager", "director");
    }

    @Test
    void aDecisionWithoutAnyLevelIsRefused() {
        assertThatThrownBy(() -> plan.levels(List.of())).hasMessageContaining("no approval level");
    }

    /** Approvals started on the earlier process version reach "Order the levels" again when resubmitted. */
    @Test
    void theEarlierVersionsStepReadsTheRowsFromTheRoutingVariable() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("routing")).thenReturn(List.of(row(2, "manager"), row(1, "approver")));

        plan.execute(execution);

        verify(execution).setVariable("approvalLevels", List.of("approver", "manager"));
    }

    private static Map<String, Object> row(int level, String group) {
        return Map.of("level", level, "group", group);
    }
}
