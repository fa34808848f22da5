package com.kis.estimator.estimate.drafting;

import java.time.LocalDate;

import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.estimate.quote.PricedQuote;

/**
 * A draft checked against the catalog and priced, ready to be written. Pricing happens before the write
 * transaction opens, so a request holds a database connection only while it writes.
 */
public record PricedDraft(Draft draft, CustomerInfo customer, LocalDate pricingDate, LocalDate validUntil,
        PricedQuote quote) {
}
