package com.kis.estimator.estimate.quote;

import java.util.List;

import com.kis.estimator.pricing.PricedEstimate;

/** A priced set of lines, with each line's product description at the same index. Cached as a whole. */
public record PricedQuote(PricedEstimate pricing, List<QuotedProduct> products) {
}
