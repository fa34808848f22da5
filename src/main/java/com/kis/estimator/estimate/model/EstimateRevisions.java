package com.kis.estimator.estimate.model;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EstimateRevisions extends JpaRepository<EstimateRevision, Long> {
}
