package com.kis.estimator.approval;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.approval.process.ApprovalVariables;
import com.kis.estimator.approval.release.ModelReleases;
import com.kis.estimator.estimate.ApprovalFacts;
import com.kis.estimator.estimate.EstimateAccess;
import com.kis.estimator.estimate.EstimateLifecycle;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.workflow.EngineCalls;

/**
 * The only road into approval: submits a DRAFT (starts {@code estimate-approval}, business key = estimate
 * number) or resubmits a CHANGES_REQUESTED estimate (completes its revise task, so the routing runs again on
 * the revised figures), and withdraws a submitted one. Status change and process step share one transaction.
 */
@Service
@Transactional
public class ApprovalSubmission {

    public static final String PROCESS = "estimate-approval";
    static final String WITHDRAWN_MESSAGE = "EstimateWithdrawn";

    private final EstimateQueries estimates;
    private final EstimateAccess access;
    private final EstimateLifecycle lifecycle;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;
    private final ModelReleases releases;

    ApprovalSubmission(EstimateQueries estimates, EstimateAccess access, EstimateLifecycle lifecycle,
            RuntimeService runtime, TaskService tasks, Clock clock, ModelReleases releases) {
        this.releases = releases;
        this.estimates = estimates;
        this.access = access;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * {@link #submit} for the signed-in caller, who must own the estimate (404 if they cannot see it, 403 if they
     * do not own it). The check reads the estimate in the submission's own transaction, not in one of its own.
     */
    public String submitAsOwner(long estimateId, String actor) {
        access.requireOwner(estimateId, "submit");
        return submit(estimateId, actor);
    }

    /** @return the id of the approval process instance */
    public String submit(long estimateId, String actor) {
        ApprovalFacts facts = facts(estimateId);
        if (facts.pricesStale()) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.PRICES_STALE, facts.number()
                    + " was priced on catalog prices that have changed since; revise it (PUT) to reprice, then submit");
        }
        if (facts.status() == EstimateStatus.DRAFT) {
            lifecycle.changeStatus(estimateId, EstimateStatus.SUBMITTED, actor, null);
            // the released version, not the newest deployed one: a new version serves once an administrator says so
            return runtime.startProcessInstanceById(serving(ModelReleases.APPROVAL_PROCESS).definitionId(), facts.number(),
                    variables(facts)).getId();
        }
        if (facts.status() == EstimateStatus.CHANGES_REQUESTED) {
            Task revise = tasks.createTaskQuery().processInstanceBusinessKey(facts.number())
                    .taskDefinitionKey("Revise").singleResult();
            if (revise == null) {
                throw conflict(facts.number() + " has no open revise task");
            }
            lifecycle.changeStatus(estimateId, EstimateStatus.SUBMITTED, actor, null);
            Map<String, Object> refreshed = variables(facts);
            refreshed.put(ApprovalVariables.COMMENT, null);
            // Approvers see what the owner changed since the revision they last looked at.
            int previous = ((Number) runtime.getVariable(revise.getProcessInstanceId(), ApprovalVariables.REVISION)).intValue();
            refreshed.put(ApprovalVariables.CHANGES, estimates.changesSince(estimateId, previous));
            // the revised figures replace the facts the approvers decide on: only the application may write them
            EngineCalls.asApplication(() -> tasks.complete(revise.getId(), refreshed));
            return revise.getProcessInstanceId();
        }
        throw conflict(facts.number() + " is " + facts.status() + "; only DRAFT or CHANGES_REQUESTED can be submitted");
    }

    public void withdraw(long estimateId, String actor) {
        ApprovalFacts facts = facts(estimateId);
        if (!actor.equals(facts.owner())) {
            throw conflict("only the owner " + facts.owner() + " can withdraw " + facts.number());
        }
        if (facts.status() != EstimateStatus.SUBMITTED && facts.status() != EstimateStatus.CHANGES_REQUESTED) {
            throw conflict(facts.number() + " is " + facts.status() + "; only a submitted estimate can be withdrawn");
        }
        runtime.createMessageCorrelation(WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(facts.number())
                .setVariable(ApprovalVariables.LAST_APPROVER, actor)
                .setVariable(ApprovalVariables.COMMENT, "withdrawn by the owner")
                .correlate();
    }

    private ModelReleases.Release serving(String key) {
        return releases.serving(key).orElseThrow(() -> new IllegalStateException("no released version of " + key));
    }

    private ApprovalFacts facts(long estimateId) {
        return estimates.approvalFacts(estimateId).orElseThrow(() -> ApiProblemException.notFound("Estimate", estimateId));
    }

    /** What the routing decision, the forms and the task names read; numbers as plain types for Cockpit. */
    private Map<String, Object> variables(ApprovalFacts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ApprovalVariables.ESTIMATE_ID, facts.estimateId());
        variables.put(ApprovalVariables.ESTIMATE_NUMBER, facts.number());
        variables.put(ApprovalVariables.REVISION, facts.revision());
        variables.put(ApprovalVariables.OWNER, facts.owner());
        variables.put(ApprovalVariables.CUSTOMER_NAME, facts.customerName());
        variables.put(ApprovalVariables.CUSTOMER_TIER, facts.customerTier());
        variables.put(ApprovalVariables.TOTAL, facts.total().longValueExact());
        variables.put(ApprovalVariables.TOTAL_TEXT, "%,d원".formatted(facts.total().longValueExact()));
        variables.put(ApprovalVariables.MAX_DISCOUNT, toDouble(facts.largestDiscountRate()));
        variables.put(ApprovalVariables.MARGIN, toDouble(facts.marginRate()));
        variables.put(ApprovalVariables.WATERFALL, estimates.waterfallText(facts.estimateId()));
        variables.put(ApprovalVariables.CHANGES, "");
        variables.put(ApprovalVariables.ROUTING_VERSION, serving(ModelReleases.ROUTING_DECISION).version());
        // An approved estimate expires when its last valid day (KST) is over.
        variables.put(ApprovalVariables.VALID_UNTIL_END, facts.validUntil().plusDays(1).atStartOfDay(clock.getZone())
                .toOffsetDateTime().toString());
        return variables;
    }

    private static double toDouble(BigDecimal percent) {
        return percent.doubleValue();
    }

    private static ApiProblemException conflict(String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail);
    }
}
