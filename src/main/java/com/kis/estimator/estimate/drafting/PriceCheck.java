package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.estimate.quote.PricedQuote;
import com.kis.estimator.estimate.quote.QuoteLine;
import com.kis.estimator.estimate.quote.QuotePricing;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.pricing.PricedLine;

/**
 * Tells whether an editable estimate would be priced differently today: a product's price version moved, a
 * contract price or tier changed or expired, or a product went away. Approved and later estimates keep the
 * prices they were approved with, so they are never stale.
 */
@Component
public class PriceCheck {

    private final CatalogLookup catalog;
    private final QuotePricing pricing;
    private final Clock clock;

    PriceCheck(CatalogLookup catalog, QuotePricing pricing, Clock clock) {
        this.catalog = catalog;
        this.pricing = pricing;
        this.clock = clock;
    }

    public boolean isStale(Estimate estimate, EstimateRevision revision) {
        if (!estimate.getStatus().isEditable() || revision.getRevision() != estimate.getCurrentRevision()) {
            return false;
        }
        Optional<CatalogLookup.CustomerInfo> customer = catalog.customer(revision.getCustomerCode());
        if (customer.isEmpty()) {
            return true;
        }
        List<QuoteLine> lines = revision.getItems().stream()
                .map(item -> new QuoteLine(item.getProductCode(), item.getQuantity(), item.getDiscountRate()))
                .toList();
        try {
            PricedQuote now = pricing.quote(customer.get(), LocalDate.now(clock), revision.getDiscountRate(), lines);
            List<PricedLine> priced = now.pricing().lines();
            for (int i = 0; i < priced.size(); i++) {
                if (differs(revision.getItems().get(i), priced.get(i))) {
                    return true;
                }
            }
            return false;
        } catch (ApiProblemException productGoneOrDiscontinued) {
            return true;
        }
    }

    private static boolean differs(EstimateItem stored, PricedLine now) {
        return stored.getPriceVersion() != now.priceVersion()
                || !same(stored.getUnitPrice(), now.waterfall().unitPrice())
                || !same(stored.getTierDiscountRate(), now.waterfall().tierDiscountRate())
                || !same(stored.getNetAmount(), now.netAmount());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
