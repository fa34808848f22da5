package com.kis.estimator.estimate.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;

import jakarta.persistence.criteria.Predicate;

/** List filters; the created range is in business days (KST), both ends inclusive. */
final class EstimateSearch {

    private EstimateSearch() {
    }

    static Specification<Estimate> matching(EstimateStatus status, String customerCode, String owner,
            LocalDate createdFrom, LocalDate createdTo, Clock clock) {
        return (root, query, cb) -> {
            List<Predicate> conditions = new ArrayList<>();
            if (status != null) {
                conditions.add(cb.equal(root.get("status"), status));
            }
            if (customerCode != null && !customerCode.isBlank()) {
                conditions.add(cb.equal(root.get("customerCode"), customerCode));
            }
            if (owner != null && !owner.isBlank()) {
                conditions.add(cb.equal(root.get("owner"), owner));
            }
            if (createdFrom != null) {
                conditions.add(cb.greaterThanOrEqualTo(root.get("createdAt"),
                        createdFrom.atStartOfDay(clock.getZone()).toInstant()));
            }
            if (createdTo != null) {
                conditions.add(cb.lessThan(root.get("createdAt"),
                        createdTo.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            }
            return cb.and(conditions.toArray(Predicate[]::new));
        };
    }
}
