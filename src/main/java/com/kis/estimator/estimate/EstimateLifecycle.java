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

    /**
     * A level of the estimate's approval was decided: the pages that show the estimate refresh its approval (the
     * next level now waiting, the decision made), also when its status stays as it was.
     */
    void approvalDecided(long estimateId);
}
