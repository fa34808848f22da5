package com.kis.estimator.estimate.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.kis.estimator.catalog.CatalogGeneration;
import com.kis.estimator.catalog.PriceListImported;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistoryEntry;
import com.kis.estimator.estimate.model.EstimateRepository;

/**
 * After an ERP import commits, flags every editable estimate that would now be priced differently (the same
 * check as the live {@code pricesStale}), with an entry in its history. One transaction per estimate, so that a
 * sales person saving a draft meanwhile loses nothing: that save reprices the draft anyway. The flag is a
 * notice; submitting still checks the prices themselves.
 */
@Component
class StaleDrafts {

    private static final Logger log = LoggerFactory.getLogger(StaleDrafts.class);

    private final EstimateRepository estimates;
    private final ChangeLog changes;
    private final PriceCheck priceCheck;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StaleDrafts(EstimateRepository estimates, ChangeLog changes, PriceCheck priceCheck,
            PlatformTransactionManager transactions, Clock clock) {
        this.estimates = estimates;
        this.changes = changes;
        this.priceCheck = priceCheck;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** After the catalog generation moved on: a cached quote from before the import would look current. */
    @Order(CatalogGeneration.MOVE_ORDER + 1)
    @TransactionalEventListener(fallbackExecution = true)
    void priceListImported(PriceListImported imported) {
        List<Long> candidates = estimates.findUnflaggedIds(
                List.of(EstimateStatus.DRAFT, EstimateStatus.CHANGES_REQUESTED));
        int flagged = 0;
        for (long id : candidates) {
            try {
                flagged += Boolean.TRUE.equals(transaction.execute(status -> flagIfStale(id, imported))) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not check estimate {} for stale prices after ERP import {}: {}", id,
                        imported.importId(), e.getMessage());
            }
        }
        log.info("ERP import {} ({}): {} of {} editable estimates flagged with stale prices", imported.importId(),
                imported.source(), flagged, candidates.size());
    }

    private boolean flagIfStale(long id, PriceListImported imported) {
        Estimate estimate = estimates.findById(id).orElse(null);
        if (estimate == null || !estimate.getStatus().isEditable()) {
            return false;
        }
        var revision = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
        Instant now = clock.instant();
        if (!priceCheck.isStale(estimate, revision) || !estimate.flagPricesStale(now)) {
            return false;
        }
        changes.record(estimate, EstimateHistoryEntry.Action.PRICES_STALE,
                estimate.getStatus(), "erp-import", "prices changed by ERP import " + imported.importId() + " ("
                        + imported.source() + ")", now);
        return true;
    }
}
