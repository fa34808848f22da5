package com.kis.estimator.estimate;

import java.util.Optional;

/** Read access to estimates for other modules. */
public interface EstimateQueries {

    Optional<ApprovalFacts> approvalFacts(long estimateId);
}
