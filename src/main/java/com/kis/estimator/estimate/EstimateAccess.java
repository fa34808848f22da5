package com.kis.estimator.estimate;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateViewers;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;

/**
 * Object-level access to one estimate for the API's caller. Operations and administrators see every estimate;
 * the owner sees theirs; sales see their team's; approvers see what waits for their group and what they decided.
 * An estimate the caller may not see answers 404, exactly as one that does not exist, so that ids and numbers
 * cannot be probed. Changing an estimate (revise, delete, submit, withdraw, send, outcome) is for its owner.
 */
@Component
@Transactional(readOnly = true)
public class EstimateAccess {

    private final Callers callers;
    private final EstimateRepository estimates;
    private final EstimateViewers viewers;

    EstimateAccess(Callers callers, EstimateRepository estimates, EstimateViewers viewers) {
        this.callers = callers;
        this.estimates = estimates;
        this.viewers = viewers;
    }

    /** 404 unless the estimate exists and the caller may see it. */
    public void requireVisible(long estimateId) {
        requireVisible(estimates.findById(estimateId), estimateId);
    }

    /** 404 unless visible, then 403 unless the caller owns it. */
    public void requireOwner(long estimateId, String action) {
        Estimate estimate = requireVisible(estimates.findById(estimateId), estimateId);
        requireOwner(estimate, action);
    }

    public Estimate requireVisible(Optional<Estimate> found, Object idOrNumber) {
        Caller caller = callers.current().orElse(null);
        return found.filter(estimate -> caller != null && canSee(caller, estimate))
                .orElseThrow(() -> ApiProblemException.notFound("Estimate", idOrNumber));
    }

    public void requireOwner(Estimate estimate, String action) {
        Caller caller = callers.current().orElse(null);
        if (caller == null || !caller.id().equals(estimate.getOwner())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                    "Only the owner of " + estimate.getNumber() + " (" + estimate.getOwner() + ") can " + action + " it");
        }
    }

    /**
     * Whether a caller may hear of this change: the same rule as seeing the estimate, decided from the change
     * itself where it can be (owner, team), so that telling every open page costs no query for most of them.
     */
    public boolean mayFollow(Caller caller, EstimateChanged change) {
        return canSee(caller, change.id(), change.owner(), change.ownerTeam());
    }

    boolean canSee(Caller caller, Estimate estimate) {
        return canSee(caller, estimate.getId(), estimate.getOwner(), estimate.getOwnerTeam());
    }

    private boolean canSee(Caller caller, long estimateId, String owner, String ownerTeam) {
        return caller.canSee(owner, ownerTeam == null ? List.of() : List.of(ownerTeam))
                || viewers.canSee(estimateId, caller.id(), caller.groups());
    }
}
