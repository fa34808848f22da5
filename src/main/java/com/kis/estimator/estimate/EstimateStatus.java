package com.kis.estimator.estimate;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an estimate stands. Only {@link #DRAFT} and {@link #CHANGES_REQUESTED} can be edited; the approval
 * process moves an estimate from SUBMITTED on.
 */
public enum EstimateStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, SENT, WON, LOST, EXPIRED, WITHDRAWN;

    private static final Map<EstimateStatus, Set<EstimateStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN),
            CHANGES_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN),
            APPROVED, EnumSet.of(SENT, EXPIRED),
            SENT, EnumSet.of(WON, LOST, EXPIRED));

    public boolean isEditable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    public boolean canMoveTo(EstimateStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }
}
