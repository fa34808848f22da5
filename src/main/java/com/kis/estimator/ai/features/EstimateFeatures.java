package com.kis.estimator.ai.features;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.kis.estimator.ai.history.TrainingData;
import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.catalog.CatalogLookup.ProductInfo;
import com.kis.estimator.estimate.ScoringFacts;

/**
 * An estimate's features (schema v1), read from its current revision, the catalog's categories and the
 * customer's record in the history. The same function gives the snapshot stored when an estimate closes and
 * the features scored while it is open, so training and serving never see different definitions.
 */
@Component
public class EstimateFeatures {

    private final CatalogLookup catalog;
    private final TrainingData history;

    EstimateFeatures(CatalogLookup catalog, TrainingData history) {
        this.catalog = catalog;
        this.history = history;
    }

    public Map<String, Object> of(ScoringFacts facts) {
        Map<String, ProductInfo> products = catalog.products(
                facts.lines().stream().map(ScoringFacts.Line::productCode).distinct().toList());
        BigDecimal net = facts.lines().stream().map(ScoringFacts.Line::netAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("logTotal", Math.log(Math.max(1, facts.total().doubleValue())));
        features.put("maxDiscountPercent", facts.largestDiscountRate().doubleValue());
        features.put("marginPercent", facts.marginRate().doubleValue());
        features.put("customerWinRate", history.winRate(facts.customerCode()));
        features.put("lineCount", (double) facts.lines().size());
        features.put("validityDays", (double) ChronoUnit.DAYS.between(facts.pricingDate(), facts.validUntil()));
        features.put("revisionCount", (double) facts.revision());
        features.put("shareBreaker", share(facts, products, net, "BREAKER"));
        features.put("sharePanel", share(facts, products, net, "PANEL"));
        features.put("shareTransformer", share(facts, products, net, "TRANSFORMER"));
        features.put("shareCable", share(facts, products, net, "CABLE"));
        features.put("customerTier", facts.customerTier());
        return features;
    }

    private static double share(ScoringFacts facts, Map<String, ProductInfo> products, BigDecimal net,
            String category) {
        if (net.signum() == 0) {
            return 0;
        }
        BigDecimal inCategory = facts.lines().stream()
                .filter(line -> products.containsKey(line.productCode())
                        && category.equals(products.get(line.productCode()).category()))
                .map(ScoringFacts.Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return inCategory.doubleValue() / net.doubleValue();
    }
}
