package com.kis.estimator.ai.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.PricePoint;
import com.kis.estimator.estimate.ScoringFacts;

/**
 * Lines priced unlike the past: a unit price (after every discount) or a manual discount outside the band of
 * what this product was quoted at to customers of the same tier. No model needed, so approvers see anomalies
 * even when no win model serves.
 */
@Component
public class PriceAnomalies {

    /** One line out of its band. {@code kind} is {@code UNIT_PRICE} (won) or {@code DISCOUNT} (%). */
    public record Anomaly(String productCode, String kind, double value, double median, double low, double high,
            int samples) {
    }

    /**
     * The band follows the latest quotes of a product: prices drift, and a long history would otherwise make every
     * submission read (and the band weigh) years of quotes.
     */
    static final int RECENT_QUOTES = 500;

    private final EstimateQueries estimates;

    PriceAnomalies(EstimateQueries estimates) {
        this.estimates = estimates;
    }

    public List<Anomaly> of(ScoringFacts facts) {
        List<String> codes = facts.lines().stream().map(ScoringFacts.Line::productCode).distinct().toList();
        Map<String, List<PricePoint>> history = estimates
                .priceHistory(codes, facts.customerTier(), facts.estimateId(), RECENT_QUOTES)
                .stream().collect(Collectors.groupingBy(PricePoint::productCode));
        List<Anomaly> anomalies = new ArrayList<>();
        for (ScoringFacts.Line line : facts.lines()) {
            List<PricePoint> past = history.getOrDefault(line.productCode(), List.of());
            double unitPrice = line.netAmount().doubleValue() / line.quantity().doubleValue();
            double[] prices = past.stream().mapToDouble(p -> p.unitNetPrice().doubleValue()).toArray();
            check(anomalies, line.productCode(), "UNIT_PRICE", unitPrice,
                    PriceBand.of(prices, Math.max(1, 0.01 * (prices.length == 0 ? 0 : PriceBand.median(prices)))));
            double[] discounts = past.stream().mapToDouble(p -> p.discountRate().doubleValue()).toArray();
            check(anomalies, line.productCode(), "DISCOUNT", line.discountRate().doubleValue(),
                    PriceBand.of(discounts, 1.0));
        }
        return anomalies;
    }

    private static void check(List<Anomaly> anomalies, String productCode, String kind, double value, PriceBand band) {
        if (band != null && !band.contains(value)) {
            anomalies.add(new Anomaly(productCode, kind, Math.round(value * 100) / 100.0, band.median(), band.low(),
                    band.high(), band.samples()));
        }
    }
}
