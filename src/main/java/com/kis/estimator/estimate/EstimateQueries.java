package com.kis.estimator.estimate;

import java.util.Optional;

/** Read access to estimates for other modules. */
public interface EstimateQueries {

    Optional<ApprovalFacts> approvalFacts(long estimateId);

    /** The current revision as the win model reads it; empty for an unknown estimate. */
    Optional<ScoringFacts> scoringFacts(long estimateId);

    /**
     * How these products were quoted to customers of this tier: the current revision's lines of the estimates
     * that got as far as approval (APPROVED, SENT, WON, LOST, EXPIRED), except {@code excludingEstimateId}; per
     * product only the {@code mostRecent} latest quotes, by when their revision was priced.
     */
    java.util.List<PricePoint> priceHistory(java.util.Collection<String> productCodes, String customerTier,
            long excludingEstimateId, int mostRecent);

    /** The estimate number, without the cost of the price check {@link #approvalFacts} makes. */
    Optional<String> number(long estimateId);

    /**
     * The current revision's price waterfall, one line per item, as an approver reads it:
     * {@code 1. MCCB-3P-100 배선용 차단기 × 12: 58,000 → 52,200 (PL-KEY-2026) −2% −5% = 583,178원 (마진 16.46%)}.
     */
    String waterfallText(long estimateId);

    /** What changed from {@code revision} to the current one, a line per field; empty when it is the current one. */
    String changesSince(long estimateId, int revision);
}
