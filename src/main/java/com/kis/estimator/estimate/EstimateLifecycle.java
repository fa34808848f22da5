package com.kis.estimator.estimate;

/**
 * Moves an estimate along its lifecycle and records who did it and why. The approval module drives the
 * transitions after DRAFT; the allowed ones are in {@link EstimateStatus#canMoveTo}.
 */
public interface EstimateLifecycle {

    /**
     * @param reason required for LOST, REJECTED and CHANGES_REQUESTED; kept in the history
     * @return the estimate number, for messages
     * @throws IllegalStateException when the transition is not allowed from the current status
     */
    String changeStatus(long estimateId, EstimateStatus to, String actor, String reason);
}
