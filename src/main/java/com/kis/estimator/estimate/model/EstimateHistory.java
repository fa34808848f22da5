package com.kis.estimator.estimate.model;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EstimateHistory extends JpaRepository<EstimateHistoryEntry, Long> {

    List<EstimateHistoryEntry> findByEstimateIdOrderByIdAsc(long estimateId);
}
