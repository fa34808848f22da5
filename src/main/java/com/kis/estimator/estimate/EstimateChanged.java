package com.kis.estimator.estimate;

import com.kis.estimator.estimate.model.Estimate;

/**
 * Something happened to an estimate that its history records: created, revised, its status moved (an approver's
 * decision in Tasklist included), its prices found stale by an ERP import. Published inside the transaction that
 * records it; listeners that tell the outside world wait for the commit.
 *
 * @param action the history's action ({@code CREATED}, {@code REVISED}, {@code STATUS_CHANGED}, …)
 * @param ownerTeam may be null
 */
public record EstimateChanged(long id, String number, EstimateStatus status, String action, String owner,
        String ownerTeam) {

    public static EstimateChanged of(Estimate estimate, String action) {
        return new EstimateChanged(estimate.getId(), estimate.getNumber(), estimate.getStatus(), action,
                estimate.getOwner(), estimate.getOwnerTeam());
    }
}
