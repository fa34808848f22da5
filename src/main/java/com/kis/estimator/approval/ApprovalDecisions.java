package com.kis.estimator.approval;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.approval.process.ApprovalVariables;
import com.kis.estimator.approval.process.DecisionLock;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.workflow.EngineCalls;

/**
 * Decides the caller's open approval task for an estimate, exactly as completing it in Tasklist would: the same
 * task listener checks the same rules. Two people completing the same task at once: the task's row lock
 * ({@link DecisionLock}) lets one decide; the other waits, then gets 409.
 */
@Service
public class ApprovalDecisions {

    private final EstimateQueries estimates;
    private final TaskService tasks;
    private final IdentityService identity;
    private final DecisionLock decisionLock;

    ApprovalDecisions(EstimateQueries estimates, TaskService tasks, IdentityService identity,
            DecisionLock decisionLock) {
        this.estimates = estimates;
        this.tasks = tasks;
        this.identity = identity;
        this.decisionLock = decisionLock;
    }

    /** A user of Camunda's identity (Tasklist's view of groups), as the embedded default and tools sign in. */
    @Transactional
    public void decide(long estimateId, String user, String decision, String comment) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        decide(estimateId, user, groups, decision, comment);
    }

    /** A caller whose groups come with its login (a Keycloak token's roles and groups). */
    @Transactional
    public void decide(long estimateId, String user, Collection<String> callerGroups, String decision, String comment) {
        String number = estimates.number(estimateId)
                .orElseThrow(() -> ApiProblemException.notFound("Estimate", estimateId));
        List<String> groups = List.copyOf(callerGroups);
        Task task = openTaskFor(number, user, groups);
        // Before the engine sees the decision: it reads the task's executions while setting the variables, and
        // those of a task another approver has just completed are gone.
        decisionLock.acquire(task.getId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ApprovalVariables.DECISION, decision);
        variables.put(ApprovalVariables.COMMENT, comment);
        identity.setAuthentication(user, groups);
        try {
            // built here from the request's two fields: nothing for the engine's completion guard to look at
            EngineCalls.asApplication(() -> tasks.complete(task.getId(), variables));
        } catch (OptimisticLockingException | NotFoundException concurrentDecision) {
            // NotFoundException: the other decision committed between finding the task and completing it
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Someone else decided this approval at the same moment; reload " + number);
        } catch (ProcessEngineException refused) {
            // The task listener's refusal arrives wrapped by the engine; the caller gets the rule's own answer.
            throw ruleBehind(refused, number);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static RuntimeException ruleBehind(ProcessEngineException wrapper, String number) {
        for (Throwable cause = wrapper.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblemException rule) {
                return rule;
            }
            if (cause instanceof DataIntegrityViolationException) {
                // The decision of this task is already recorded: another approver got there first.
                return new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                        "Someone else decided this approval at the same moment; reload " + number);
            }
        }
        return wrapper;
    }

    private Task openTaskFor(String number, String user, List<String> groups) {
        var query = tasks.createTaskQuery().processDefinitionKey(ApprovalSubmission.PROCESS)
                .processInstanceBusinessKey(number).taskDefinitionKey("Approve").active();
        List<Task> open = groups.isEmpty() ? query.taskAssignee(user).list()
                : query.or().taskAssignee(user).taskCandidateGroupIn(groups).endOr().list();
        if (open.isEmpty()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    user + " has no open approval task for " + number);
        }
        return open.get(0);
    }
}
