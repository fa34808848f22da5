package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.ApprovalFacts;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.EstimateStatus;
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

    /** Estimates that got as far as approval: their prices were agreed to, if not always accepted. */
    private static final Set<EstimateStatus> QUOTED = EnumSet.of(EstimateStatus.APPROVED, EstimateStatus.SENT,
            EstimateStatus.WON, EstimateStatus.LOST, EstimateStatus.EXPIRED);

    private final EstimateRepository estimates;
    private final PriceCheck priceCheck;

    ApprovalFactsQuery(EstimateRepository estimates, PriceCheck priceCheck) {
        this.estimates = estimates;
        this.priceCheck = priceCheck;
    }

    @Override
    public Optional<String> number(long estimateId) {
        return estimates.findById(estimateId).map(Estimate::getNumber);
    }

    @Override
    public String waterfallText(long estimateId) {
        Estimate estimate = estimate(estimateId);
        EstimateRevision revision = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
        return revision.getItems().stream().map(ApprovalFactsQuery::waterfallLine).collect(Collectors.joining("\n"));
    }

    @Override
    public String changesSince(long estimateId, int revisionNumber) {
        Estimate estimate = estimate(estimateId);
        if (revisionNumber >= estimate.getCurrentRevision()) {
            return "";
        }
        EstimateRevision before = estimates.findRevision(estimate, revisionNumber).orElseThrow();
        EstimateRevision now = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
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
            var revision = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
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
            long excludingEstimateId) {
        if (productCodes.isEmpty()) {
            return List.of();
        }
        return estimates.findPricePoints(QUOTED, productCodes, customerTier, excludingEstimateId).stream()
                .map(row -> new PricePoint((String) row[0],
                        ((BigDecimal) row[1]).divide((BigDecimal) row[2], 2, RoundingMode.HALF_UP),
                        (BigDecimal) row[3]))
                .toList();
    }

    private static BigDecimal largestDiscount(EstimateRevision revision) {
        return revision.getItems().stream().map(EstimateItem::getDiscountRate)
                .reduce(revision.getDiscountRate(), BigDecimal::max).stripTrailingZeros();
    }

    @Override
    public Optional<ApprovalFacts> approvalFacts(long estimateId) {
        return estimates.findById(estimateId).map(estimate -> {
            var revision = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
            return new ApprovalFacts(estimate.getId(), estimate.getNumber(), revision.getRevision(),
                    estimate.getOwner(), estimate.getStatus(), revision.getCustomerName(), revision.getCustomerTier(),
                    revision.getTotal(), largestDiscount(revision),
                    revision.getMarginRate().stripTrailingZeros(), revision.getValidUntil(),
                    priceCheck.isStale(estimate, revision));
        });
    }
}
