package com.kis.estimator.approval.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import com.kis.estimator.approval.record.ApprovalRecord;
import com.kis.estimator.approval.record.ApprovalRecords;
import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.estimate.EstimateLifecycle;
import com.kis.estimator.estimate.EstimateSharing;
import com.kis.estimator.platform.workflow.ProcessApi;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Permission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * On an approval task: names it for Tasklist when created ("EST-2026-000012 · (주)한빛전기공사 · 42,061,067원 ·
 * manager"), and when it is completed enforces the approval rules and records the decision. A refusal here
 * rolls the completion back, in Tasklist and through the API alike.
 */
@Component("approvalTaskListener")
@ProcessApi
class ApprovalTaskListener implements TaskListener {

    private final IdentityService identity;
    private final ApprovalRecords records;
    private final MeterRegistry meters;
    private final Clock clock;
    private final EstimateSharing sharing;
    private final AuditTrail audit;
    private final DecisionLock decisionLock;
    private final Callers callers;
    private final EstimateLifecycle lifecycle;

    ApprovalTaskListener(IdentityService identity, ApprovalRecords records, MeterRegistry meters, Clock clock,
            EstimateSharing sharing, AuditTrail audit, DecisionLock decisionLock, Callers callers,
            EstimateLifecycle lifecycle) {
        this.callers = callers;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.decisionLock = decisionLock;
        this.sharing = sharing;
        this.identity = identity;
        this.records = records;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        // before reading anything: another decision may have completed the task since this one loaded it
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            decisionLock.acquire(task.getId());
        }
        long estimateId = ((Number) task.getVariable(ApprovalVariables.ESTIMATE_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(task.getVariable(ApprovalVariables.ESTIMATE_NUMBER) + " · "
                    + task.getVariable(ApprovalVariables.CUSTOMER_NAME) + " · "
                    + task.getVariable(ApprovalVariables.TOTAL_TEXT) + " · " + task.getVariable(ApprovalVariables.LEVEL));
            candidateGroups(task).forEach(group -> sharing.openToGroup(estimateId, group));
            // the form shows the process's variables: without this the next level opened with the last level's
            // decision already chosen, one click from approving what its approver did not read
            task.getExecution().getProcessInstance().setVariable(ApprovalVariables.DECISION, null);
            task.getExecution().getProcessInstance().setVariable(ApprovalVariables.COMMENT, null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String approver = decide(task);
            candidateGroups(task).forEach(group -> sharing.closeToGroup(estimateId, group));
            sharing.openToUser(estimateId, approver);
        } else if (EVENTNAME_DELETE.equals(task.getEventName())) {
            candidateGroups(task).forEach(group -> sharing.closeToGroup(estimateId, group));
        }
    }

    /** The groups the approval waits for: they may read the estimate while it waits. */
    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    }

    private String decide(DelegateTask task) {
        String approver = approver(task);
        Decision decision = decision(task.getVariable(ApprovalVariables.DECISION));
        String comment = (String) task.getVariable(ApprovalVariables.COMMENT);
        long estimateId = ((Number) task.getVariable(ApprovalVariables.ESTIMATE_ID)).longValue();
        int revision = ((Number) task.getVariable(ApprovalVariables.REVISION)).intValue();
        if (decision.needsComment() && (comment == null || comment.isBlank())) {
            throw ApprovalRefused.invalidField(ApprovalVariables.COMMENT, "반려하거나 수정을 요청하려면 의견을 적어야 합니다",
                    "a comment is required to " + decision.name().toLowerCase().replace('_', ' '));
        }
        if (approver.equals(task.getVariable(ApprovalVariables.OWNER))) {
            throw ApprovalRefused.because(approver + "님은 이 견적의 담당자라 결정할 수 없습니다",
                    approver + " owns this estimate and cannot decide on it");
        }
        if (decision == Decision.APPROVE && records.approvedBy(estimateId, revision, approver)) {
            throw ApprovalRefused.because(approver + "님은 이 견적의 다른 단계를 이미 승인했습니다",
                    approver + " has already approved another level of this estimate");
        }
        int level = ((Number) task.getVariable("loopCounter")).intValue() + 1;
        records.save(new ApprovalRecord(estimateId, (String) task.getVariable(ApprovalVariables.ESTIMATE_NUMBER),
                revision, level, (String) task.getVariable(ApprovalVariables.LEVEL), approver, decision.name(),
                comment, task.getId(), Instant.now(clock)));
        task.getExecution().getProcessInstance().setVariable(ApprovalVariables.LAST_APPROVER, approver);
        lifecycle.approvalDecided(estimateId);
        audit.recordAs(approver, "approval.decide", (String) task.getVariable(ApprovalVariables.ESTIMATE_NUMBER),
                decision.name() + " level " + level + " (" + task.getVariable(ApprovalVariables.LEVEL) + ")", comment);
        Timer.builder("kis.approval.decision").description("Time from an approval task's creation to its decision")
                .tag("level", String.valueOf(task.getVariable(ApprovalVariables.LEVEL)))
                .tag("decision", decision.name().toLowerCase())
                .register(meters)
                .record(Duration.between(task.getCreateTime().toInstant(), Instant.now(clock)));
        return approver;
    }

    /**
     * The signed-in user completing the task, through whichever door (the API, Tasklist, {@code /engine-rest}),
     * once the rules of deciding hold for them: a role that may approve, membership of a group the task waits
     * for (its level's, or the next one's once it is overdue), and where the second factor is enforced a login
     * that used one.
     */
    private String approver(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw ApprovalRefused.notAllowed("승인은 로그인한 사용자만 할 수 있습니다", "an approval must be made by a signed-in user");
        }
        String user = authentication.getUserId();
        Caller caller = callers.completing(user, authentication.getGroupIds());
        if (!caller.has(Permission.ESTIMATE_APPROVE) || Collections.disjoint(caller.groups(), candidateGroups(task))) {
            throw ApprovalRefused.notAllowed(user + "님은 이 단계(" + task.getVariable(ApprovalVariables.LEVEL)
                    + ")를 승인할 권한이 없습니다", user + " may not decide the " + task.getVariable(ApprovalVariables.LEVEL)
                    + " level of this estimate");
        }
        if (callers.secondFactorEnforced() && !caller.mfa()) {
            throw ApprovalRefused.secondFactorMissing(user);
        }
        return user;
    }

    private static Decision decision(Object value) {
        try {
            return Decision.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ApprovalRefused.invalidField(ApprovalVariables.DECISION, "결정은 승인, 반려, 수정 요청 중 하나여야 합니다",
                    "decision must be APPROVE, REJECT or REQUEST_CHANGES, was " + value);
        }
    }
}
