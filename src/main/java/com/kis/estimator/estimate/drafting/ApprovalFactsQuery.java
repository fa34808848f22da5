package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private static final String PRICE_HISTORY = """
            SELECT product_code, net_amount, quantity, discount_rate FROM (
                SELECT i.product_code, i.net_amount, i.quantity, i.discount_rate,
                       ROW_NUMBER() OVER (PARTITION BY i.product_code ORDER BY r.created_at DESC, r.id DESC) AS recency
                FROM estimator.estimate_items i
                JOIN estimator.estimate_revisions r ON r.id = i.revision_id
                JOIN estimator.estimates e ON e.id = r.estimate_id AND r.revision = e.current_revision
                WHERE i.product_code IN (:codes) AND e.status IN (:statuses) AND r.customer_tier = :tier
                  AND e.id <> :excluded) quotes
            WHERE recency <= :mostRecent""";

    private final EstimateRepository estimates;
    private final RevisionsInTransaction revisions;
    private final PriceCheck priceCheck;
    private final NamedParameterJdbcTemplate jdbc;

    ApprovalFactsQuery(EstimateRepository estimates, RevisionsInTransaction revisions, PriceCheck priceCheck,
            NamedParameterJdbcTemplate jdbc) {
        this.estimates = estimates;
        this.revisions = revisions;
        this.priceCheck = priceCheck;
        this.jdbc = jdbc;
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
        if (productCodes.isEmpty()) {
            return List.of();
        }
        // Plain SQL, for the window function that keeps each product's latest quotes: the work per submission
        // stays bounded however long the history grows.
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("statuses", QUOTED.stream().map(Enum::name).toList())
                .addValue("codes", productCodes).addValue("tier", customerTier)
                .addValue("excluded", excludingEstimateId).addValue("mostRecent", mostRecent);
        return jdbc.query(PRICE_HISTORY, parameters, (row, n) -> new PricePoint(row.getString("product_code"),
                row.getBigDecimal("net_amount").divide(row.getBigDecimal("quantity"), 2, RoundingMode.HALF_UP),
                row.getBigDecimal("discount_rate")));
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
