package com.kis.estimator.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters approvers work from, created at start when missing: "My group's approvals" (approval
 * tasks for any of the signed-in user's groups) and "Overdue approvals" (approval tasks past their due date).
 * Both show the estimate number, customer, total and level as columns.
 */
@Component
class ApprovalFilters implements SmartInitializingSingleton {

    static final String MY_GROUPS = "My group's approvals";
    static final String OVERDUE = "Overdue approvals";
    static final String MINE = "My tasks";
    private static final Logger log = LoggerFactory.getLogger(ApprovalFilters.class);

    private final FilterService filters;
    private final TaskService tasks;

    ApprovalFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure(MY_GROUPS, "Approval tasks for your groups", -10, approvals()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure(OVERDUE, "Approval tasks past their due date (SLA)", -5, approvals()
                .dueBeforeExpression("${now()}"));
        // what waits for a salesperson: changes an approver requested on their estimates, documents they review
        ensure(MINE, "Tasks assigned to you", -8, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private TaskQuery approvals() {
        return tasks.createTaskQuery().processDefinitionKey(ApprovalSubmission.PROCESS).taskDefinitionKey("Approve");
    }

    private void ensure(String name, String description, int priority, TaskQuery query) {
        if (filters.createTaskFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                column("estimateNumber", "견적번호"), column("customerName", "거래처"),
                column("totalText", "합계"), column("level", "단계")));
        Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
        filters.saveFilter(filter);
        log.info("Tasklist filter '{}' created", name);
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
