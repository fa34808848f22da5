package com.kis.estimator.estimate.quote;

/** How a priced product was described when it was priced. */
public record QuotedProduct(String code, String name, String spec, String unit) {
}
