package com.kis.estimator.estimate.drafting;

import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateRevision;

/** An estimate and the revision just written for it. */
public record Drafted(Estimate estimate, EstimateRevision revision) {
}
