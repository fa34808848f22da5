package com.kis.estimator.estimate.drafting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistoryEntry.Action;
import com.kis.estimator.estimate.model.EstimateRevision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What sales does with estimates, for Prometheus ({@code kis_estimates_total{action}},
 * {@code kis_estimate_total_won}) and as one structured log line per change, in the design's log format
 * ({@code action}, {@code estimateId}, {@code success}).
 */
@Component
class DraftingMetrics {

    private static final Logger log = LoggerFactory.getLogger(DraftingMetrics.class);

    private final MeterRegistry registry;
    private final DistributionSummary totals;

    DraftingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.totals = DistributionSummary.builder("kis.estimate.total")
                .description("Totals (합계, KRW incl. VAT) of created and revised estimates")
                .baseUnit("won")
                .register(registry);
    }

    /** The design's action names: create_estimate, revise_estimate, delete_estimate. */
    private static String verb(Action action) {
        return switch (action) {
            case CREATED -> "create";
            case REVISED -> "revise";
            case DELETED -> "delete";
            case STATUS_CHANGED -> "change_status_of";
            case PRICES_STALE -> "flag_stale_prices_of";
        };
    }

    void recorded(Action action, Estimate estimate, EstimateRevision revision) {
        Counter.builder("kis.estimates").description("Estimates created, revised and deleted")
                .tag("action", action.name().toLowerCase()).register(registry).increment();
        if (revision != null) {
            totals.record(revision.getTotal().doubleValue());
        }
        log.atInfo()
                .addKeyValue("action", verb(action) + "_estimate")
                .addKeyValue("estimateId", estimate.getNumber())
                .addKeyValue("revision", estimate.getCurrentRevision())
                .addKeyValue("success", true)
                .log("Estimate {} {}", estimate.getNumber(), action.name().toLowerCase());
    }
}
