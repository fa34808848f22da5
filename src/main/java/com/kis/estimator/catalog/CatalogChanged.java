package com.kis.estimator.catalog;

/**
 * Something estimates are priced or described from has changed: a product, a customer, a price list or the
 * volume tiers. Cached quotes and customers must be read again ({@link CatalogGeneration}). (A product's {@code priceVersion} tells separately whether its price or
 * cost changed.)
 *
 * @param what a short description for logs, e.g. {@code "product MCCB-3P-100"}
 */
public record CatalogChanged(String what) {
}
