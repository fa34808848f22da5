package com.kis.estimator.estimate.model;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IdempotencyRecords extends JpaRepository<IdempotencyRecord, IdempotencyRecord.Key> {
}
