package com.kis.estimator.catalog;

/**
 * Something that prices estimates has changed: a product's list price or cost, a price list, or the volume
 * tiers. Cached prices must be recomputed; drafts priced before are stale.
 *
 * @param what a short description for logs, e.g. {@code "product MCCB-3P-100"}
 */
public record CatalogPricesChanged(String what) {
}
