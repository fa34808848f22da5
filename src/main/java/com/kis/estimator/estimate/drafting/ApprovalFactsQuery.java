package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.ApprovalFacts;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRepository;

@Service
@Transactional(readOnly = true)
class ApprovalFactsQuery implements EstimateQueries {

    private final EstimateRepository estimates;
    private final PriceCheck priceCheck;

    ApprovalFactsQuery(EstimateRepository estimates, PriceCheck priceCheck) {
        this.estimates = estimates;
        this.priceCheck = priceCheck;
    }

    @Override
    public Optional<ApprovalFacts> approvalFacts(long estimateId) {
        return estimates.findById(estimateId).map(estimate -> {
            var revision = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
            BigDecimal largestDiscount = revision.getItems().stream().map(EstimateItem::getDiscountRate)
                    .reduce(revision.getDiscountRate(), BigDecimal::max);
            return new ApprovalFacts(estimate.getId(), estimate.getNumber(), revision.getRevision(),
                    estimate.getOwner(), estimate.getStatus(), revision.getCustomerName(), revision.getCustomerTier(),
                    revision.getTotal(), largestDiscount.stripTrailingZeros(),
                    revision.getMarginRate().stripTrailingZeros(), revision.getValidUntil(),
                    priceCheck.isStale(estimate, revision));
        });
    }
}
