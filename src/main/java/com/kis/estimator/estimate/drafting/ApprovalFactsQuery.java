package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.ApprovalFacts;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.PricePoint;
import com.kis.estimator.estimate.ScoringFacts;
import com.kis.estimator.estimate.history.RevisionDiff;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.platform.web.ApiProblemException;

@Service
@Transactional(readOnly = true)
class ApprovalFactsQuery implements EstimateQueries {

    private final EstimateRepository estimates;
    private final RevisionsInTransaction revisions;
    private final PriceCheck priceCheck;
    private final QuotedPrices quotedPrices;

    ApprovalFactsQuery(EstimateRepository estimates, RevisionsInTransaction revisions, PriceCheck priceCheck,
            QuotedPrices quotedPrices) {
        this.estimates = estimates;
        this.revisions = revisions;
        this.priceCheck = priceCheck;
        this.quotedPrices = quotedPrices;
    }

    @Override
    public Optional<String> number(long estimateId) {
        return estimates.findById(estimateId).map(Estimate::getNumber);
    }

    @Override
    public String waterfallText(long estimateId) {
        Estimate estimate = estimate(estimateId);
        EstimateRevision revision = revisions.find(estimate, estimate.getCurrentRevision()).orElseThrow();
        return revision.getItems().stream().map(ApprovalFactsQuery::waterfallLine).collect(Collectors.joining("\n"));
    }

    @Override
    public String changesSince(long estimateId, int revisionNumber) {
        Estimate estimate = estimate(estimateId);
        if (revisionNumber >= estimate.getCurrentRevision()) {
            return "";
        }
        EstimateRevision before = revisions.find(estimate, revisionNumber).orElseThrow();
        EstimateRevision now = revisions.find(estimate, estimate.getCurrentRevision()).orElseThrow();
        return RevisionDiff.between(before, now).stream()
                .map(change -> change.field() + ": " + text(change.from()) + " → " + text(change.to()))
                .collect(Collectors.joining("\n"));
    }

    private Estimate estimate(long estimateId) {
        return estimates.findById(estimateId).orElseThrow(() -> ApiProblemException.notFound("Estimate", estimateId));
    }

    private static String waterfallLine(EstimateItem item) {
        StringBuilder line = new StringBuilder()
                .append(item.getLineNo()).append(". ").append(item.getProductCode()).append(' ')
                .append(item.getProductName()).append(" × ").append(item.getQuantity().stripTrailingZeros().toPlainString())
                .append(": ").append(won(item.getListPrice()));
        if (item.getPriceListCode() != null) {
            line.append(" → ").append(won(item.getUnitPrice())).append(" (").append(item.getPriceListCode()).append(')');
        }
        if (item.getTierDiscountRate().signum() > 0) {
            line.append(" −").append(item.getTierDiscountRate().stripTrailingZeros().toPlainString()).append('%');
        }
        if (item.getDiscountRate().signum() > 0) {
            line.append(" −").append(item.getDiscountRate().stripTrailingZeros().toPlainString()).append('%');
        }
        return line.append(" = ").append(won(item.getNetAmount())).append("원 (마진 ")
                .append(item.getMarginRate().stripTrailingZeros().toPlainString()).append("%)").toString();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static String won(BigDecimal amount) {
        return "%,d".formatted(amount.longValueExact());
    }

    @Override
    public Optional<ScoringFacts> scoringFacts(long estimateId) {
        return estimates.findById(estimateId).map(estimate -> {
            var revision = revisions.find(estimate, estimate.getCurrentRevision()).orElseThrow();
            return new ScoringFacts(estimate.getId(), estimate.getNumber(), estimate.getStatus(),
                    revision.getCustomerCode(), revision.getCustomerTier(), revision.getTotal(),
                    largestDiscount(revision), revision.getMarginRate(), revision.getPricingDate(),
                    revision.getValidUntil(), revision.getRevision(), revision.getItems().stream()
                            .map(item -> new ScoringFacts.Line(item.getProductCode(), item.getQuantity(),
                                    item.getDiscountRate(), item.getNetAmount()))
                            .toList());
        });
    }

    @Override
    public List<PricePoint> priceHistory(Collection<String> productCodes, String customerTier,
            long excludingEstimateId, int mostRecent) {
        return quotedPrices.recent(productCodes, customerTier, excludingEstimateId, mostRecent);
    }

    private static BigDecimal largestDiscount(EstimateRevision revision) {
        return revision.getItems().stream().map(EstimateItem::getDiscountRate)
                .reduce(revision.getDiscountRate(), BigDecimal::max).stripTrailingZeros();
    }

    @Override
    public Optional<ApprovalFacts> approvalFacts(long estimateId) {
        return estimates.findById(estimateId).map(estimate -> {
            var revision = revisions.find(estimate, estimate.getCurrentRevision()).orElseThrow();
            return new ApprovalFacts(estimate.getId(), estimate.getNumber(), revision.getRevision(),
                    estimate.getOwner(), estimate.getStatus(), revision.getCustomerName(), revision.getCustomerTier(),
                    revision.getTotal(), largestDiscount(revision),
                    revision.getMarginRate().stripTrailingZeros(), revision.getValidUntil(),
                    priceCheck.isStale(estimate, revision));
        });
    }
}
