package com.kis.estimator.estimate.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.EstimateAccess;
import com.kis.estimator.estimate.drafting.PriceCheck;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.platform.web.ApiProblemException;

/** Finds estimates by id or number and renders them at a revision. */
@Component
@Transactional(readOnly = true)
class EstimateViews {

    private final EstimateRepository estimates;
    private final PriceCheck priceCheck;
    private final EstimateAccess access;

    EstimateViews(EstimateRepository estimates, PriceCheck priceCheck, EstimateAccess access) {
        this.estimates = estimates;
        this.priceCheck = priceCheck;
        this.access = access;
    }

    /** {@code 42} or {@code EST-2026-000042}, if the caller may see it; otherwise 404 as if it did not exist. */
    Estimate find(String idOrNumber) {
        var found = idOrNumber.matches("\\d{1,18}") ? estimates.findById(Long.parseLong(idOrNumber))
                : estimates.findByNumber(idOrNumber);
        return access.requireVisible(found, idOrNumber);
    }

    /** As {@link #find}, and 403 unless the caller owns it. */
    Estimate findOwned(String idOrNumber, String action) {
        Estimate estimate = find(idOrNumber);
        access.requireOwner(estimate, action);
        return estimate;
    }

    EstimateResponse current(Estimate estimate) {
        return at(estimate, estimate.getCurrentRevision());
    }

    EstimateResponse at(Estimate estimate, int revisionNumber) {
        EstimateRevision revision = revision(estimate, revisionNumber);
        return EstimateResponse.of(estimate, revision, priceCheck.isStale(estimate, revision));
    }

    private EstimateRevision revision(Estimate estimate, int revisionNumber) {
        return estimates.findRevision(estimate, revisionNumber).orElseThrow(() ->
                ApiProblemException.notFound("Revision", estimate.getNumber() + "/" + revisionNumber));
    }
}
