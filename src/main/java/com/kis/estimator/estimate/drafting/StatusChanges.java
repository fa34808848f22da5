package com.kis.estimator.estimate.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.estimate.EstimateApproved;
import com.kis.estimator.estimate.EstimateClosed;
import com.kis.estimator.estimate.EstimateChanged;
import com.kis.estimator.estimate.EstimateLifecycle;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistoryEntry;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

@Service
class StatusChanges implements EstimateLifecycle {

    private static final Set<EstimateStatus> NEED_A_REASON =
            EnumSet.of(EstimateStatus.LOST, EstimateStatus.REJECTED, EstimateStatus.CHANGES_REQUESTED);

    private final EstimateRepository estimates;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AuditTrail audit;
    private final QuotedPrices quotedPrices;

    StatusChanges(EstimateRepository estimates, ChangeLog changes, ApplicationEventPublisher events, Clock clock,
            AuditTrail audit, QuotedPrices quotedPrices) {
        this.audit = audit;
        this.quotedPrices = quotedPrices;
        this.estimates = estimates;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String changeStatus(long estimateId, EstimateStatus to, String actor, String reason) {
        Estimate estimate = estimates.findById(estimateId)
                .orElseThrow(() -> ApiProblemException.notFound("Estimate", estimateId));
        EstimateStatus from = estimate.getStatus();
        if (!from.canMoveTo(to)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    estimate.getNumber() + " is " + from + " and cannot become " + to);
        }
        if (NEED_A_REASON.contains(to) && (reason == null || reason.isBlank())) {
            throw ApiProblemException.invalidField("reason", "a reason is required to make an estimate " + to);
        }
        estimate.moveTo(to);
        changes.record(estimate, EstimateHistoryEntry.Action.STATUS_CHANGED, from, actor,
                reason, Instant.now(clock));
        audit.recordAs(actor, "estimate.status", estimate.getNumber(), from + "->" + to, reason);
        if (to == EstimateStatus.APPROVED) {
            quotedPrices.record(estimate);
            events.publishEvent(new EstimateApproved(estimate.getId(), estimate.getNumber(),
                    estimate.getCurrentRevision(), estimate.getCustomerCode(), estimate.getTotal(), estimate.getOwner()));
        }
        if (to == EstimateStatus.WON || to == EstimateStatus.LOST) {
            events.publishEvent(new EstimateClosed(estimate.getId(), estimate.getNumber(), estimate.getCustomerCode(),
                    to == EstimateStatus.WON, Instant.now(clock)));
        }
        return estimate.getNumber();
    }

    @Override
    @Transactional(readOnly = true)
    public void approvalDecided(long estimateId) {
        // no history entry: the approval keeps its own record of decisions; this only tells the open pages
        estimates.findById(estimateId).ifPresent(estimate ->
                events.publishEvent(EstimateChanged.of(estimate, "APPROVAL_DECIDED")));
    }
}
