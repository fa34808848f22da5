/**
 * The pricing core: how a line's price comes about (the price waterfall) and how an estimate's totals follow,
 * under Korean VAT rules. Plain Java and {@link java.math.BigDecimal} in KRW only, no Spring or JPA, so the
 * rules can be read, tested and benchmarked on their own; an architecture test keeps it that way. Rounding
 * happens only in {@link com.kis.estimator.pricing.PricingRules}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pricing")
package com.kis.estimator.pricing;
