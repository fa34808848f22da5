package com.kis.estimator.estimate.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;

/** An estimate in a list; {@code pricesStaleSince} is set when an ERP import changed its prices. */
public record EstimateSummary(long id, String number, EstimateStatus status, int revision, String owner,
        String customerCode, String customerName, BigDecimal total, String currency, LocalDate validUntil,
        Instant pricesStaleSince, Instant createdAt, Instant updatedAt) {

    static EstimateSummary of(Estimate estimate) {
        return new EstimateSummary(estimate.getId(), estimate.getNumber(), estimate.getStatus(),
                estimate.getCurrentRevision(), estimate.getOwner(), estimate.getCustomerCode(),
                estimate.getCustomerName(), estimate.getTotal(), "KRW", estimate.getValidUntil(),
                estimate.getPricesStaleSince(), estimate.getCreatedAt(), estimate.getUpdatedAt());
    }
}
