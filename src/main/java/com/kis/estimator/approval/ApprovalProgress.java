package com.kis.estimator.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.kis.estimator.approval.process.ApprovalVariables;

/**
 * Where an estimate's approval stands now: the levels whose decision is awaited (usually one; an overdue level
 * is joined by the next, see {@code ApprovalEscalation}), which group decides, since when and by when. What was
 * already decided is in the approval records.
 */
@Service
public class ApprovalProgress {

    /** A level waiting for its decision. */
    public record Waiting(int level, String group, Instant since, Instant due, boolean overdue) {
    }

    private final TaskService tasks;
    private final Clock clock;

    ApprovalProgress(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    public List<Waiting> waiting(String estimateNumber) {
        Instant now = clock.instant();
        return tasks.createTaskQuery().processDefinitionKey(ApprovalSubmission.PROCESS)
                .processInstanceBusinessKey(estimateNumber).taskDefinitionKey("Approve").active().list().stream()
                .map(task -> waiting(task, now))
                .sorted(Comparator.comparingInt(Waiting::level))
                .toList();
    }

    private Waiting waiting(Task task, Instant now) {
        // the level's place in the sequential multi-instance, as the task listener records it
        int level = ((Number) tasks.getVariable(task.getId(), "loopCounter")).intValue() + 1;
        String group = (String) tasks.getVariable(task.getId(), ApprovalVariables.LEVEL);
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new Waiting(level, group, task.getCreateTime().toInstant(), due, due != null && due.isBefore(now));
    }
}
