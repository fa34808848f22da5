package com.kis.estimator.approval.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.approval.ApprovalDecisions;
import com.kis.estimator.approval.ApprovalProgress;
import com.kis.estimator.approval.ApprovalSubmission;
import com.kis.estimator.approval.record.ApprovalRecords;
import com.kis.estimator.estimate.EstimateAccess;
import com.kis.estimator.estimate.EstimateLifecycle;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.CurrentUser;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/estimates/{id}")
@Tag(name = "approval")
class ApprovalController {

    private final ApprovalSubmission submission;
    private final ApprovalDecisions decisions;
    private final ApprovalRecords records;
    private final EstimateLifecycle lifecycle;
    private final CurrentUser user;
    private final Callers callers;
    private final EstimateAccess access;
    private final ApprovalProgress progress;
    private final EstimateQueries estimates;

    ApprovalController(ApprovalSubmission submission, ApprovalDecisions decisions, ApprovalRecords records,
            EstimateLifecycle lifecycle, CurrentUser user, Callers callers, EstimateAccess access,
            ApprovalProgress progress, EstimateQueries estimates) {
        this.progress = progress;
        this.estimates = estimates;
        this.callers = callers;
        this.access = access;
        this.submission = submission;
        this.decisions = decisions;
        this.records = records;
        this.lifecycle = lifecycle;
        this.user = user;
    }

    @RequiresPermission(Permission.ESTIMATE_SUBMIT)
    @PostMapping("/submit")
    @Operation(summary = "Submit a DRAFT for approval, or resubmit a CHANGES_REQUESTED estimate after revising it")
    @ApiResponse(responseCode = "202", description = "Submitted; the approval process runs")
    @ApiResponse(responseCode = "409", description = "The estimate is not in a state that can be submitted")
    @ApiResponse(responseCode = "422", description = "Priced on catalog prices that have changed since (`prices-stale`): revise to reprice")
    ResponseEntity<Submitted> submit(@PathVariable long id) {
        String processInstanceId = submission.submitAsOwner(id, user.id());
        return ResponseEntity.accepted().body(new Submitted(processInstanceId, EstimateStatus.SUBMITTED));
    }

    @RequiresPermission(Permission.ESTIMATE_SUBMIT)
    @PostMapping("/withdraw")
    @Operation(summary = "The owner withdraws a submitted estimate from approval")
    @ApiResponse(responseCode = "204", description = "Withdrawn; the estimate is a DRAFT again")
    @ApiResponse(responseCode = "409", description = "The estimate is not waiting for approval")
    ResponseEntity<Void> withdraw(@PathVariable long id) {
        access.requireOwner(id, "withdraw");
        submission.withdraw(id, user.id());
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(Permission.ESTIMATE_APPROVE)
    @PostMapping("/approve")
    @Operation(summary = "Decide the caller's open approval task (APPROVE, REJECT or REQUEST_CHANGES), as in Tasklist; "
            + "the estimate's status follows asynchronously")
    @ApiResponse(responseCode = "202", description = "Decided; the estimate's status follows")
    @ApiResponse(responseCode = "409", description = "The caller has no open approval task on this estimate")
    ResponseEntity<Void> approve(@PathVariable long id, @Valid @RequestBody DecisionRequest request) {
        access.requireVisible(id);
        Caller caller = callers.current().orElseThrow();
        decisions.decide(id, caller.id(), caller.groups(), request.decision(), request.comment());
        return ResponseEntity.accepted().build();
    }

    @RequiresPermission(Permission.ESTIMATE_SEND)
    @PostMapping("/send")
    @Operation(summary = "Mark an APPROVED estimate as sent to the customer; nothing else can be sent")
    @ApiResponse(responseCode = "200", description = "Sent")
    @ApiResponse(responseCode = "409", description = "The estimate is not APPROVED")
    ResponseEntity<StatusChanged> send(@PathVariable long id) {
        access.requireOwner(id, "send");
        lifecycle.changeStatus(id, EstimateStatus.SENT, user.id(), null);
        return ResponseEntity.ok(new StatusChanged(EstimateStatus.SENT));
    }

    @RequiresPermission(Permission.ESTIMATE_SEND)
    @PostMapping("/outcome")
    @Operation(summary = "Record whether a SENT estimate was WON or LOST (LOST needs a reason)")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "The estimate is not SENT")
    ResponseEntity<StatusChanged> outcome(@PathVariable long id, @Valid @RequestBody OutcomeRequest request) {
        access.requireOwner(id, "record the outcome of");
        EstimateStatus outcome = EstimateStatus.valueOf(request.outcome());
        lifecycle.changeStatus(id, outcome, user.id(), request.reason());
        return ResponseEntity.ok(new StatusChanged(outcome));
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping("/approvals")
    @Operation(summary = "Every approval decision on the estimate: level, approver, decision, comment, time")
    List<ApprovalView> approvals(@PathVariable long id) {
        access.requireVisible(id);
        return records.findByEstimate(id).stream().map(record -> new ApprovalView(record.getRevision(),
                record.getLevel(), record.getApproverGroup(), record.getApprover(), record.getDecision(),
                record.getComment(), record.getTaskId(), record.getDecidedAt())).toList();
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping("/approvals/waiting")
    @Operation(summary = "The approval levels waiting for a decision now: level, deciding group, since, due, overdue "
            + "(empty when the estimate is not being approved)")
    List<WaitingView> waiting(@PathVariable long id) {
        access.requireVisible(id);
        String number = estimates.number(id).orElseThrow(() -> ApiProblemException.notFound("Estimate", id));
        return progress.waiting(number).stream().map(level -> new WaitingView(level.level(),
                level.group(), level.since(), level.due(), level.overdue())).toList();
    }

    /** @param due null when the level has no deadline */
    record WaitingView(int level, String group, Instant since, @Nullable Instant due, boolean overdue) {
    }

    /** A submission: the approval process that now runs, and the estimate's status. */
    record Submitted(String processInstanceId, EstimateStatus status) {
    }

    /** The estimate's status after the change. */
    record StatusChanged(EstimateStatus status) {
    }

    record ApprovalView(int revision, int level, String group, String approver, String decision, String comment,
            String taskId, Instant decidedAt) {
    }
}
