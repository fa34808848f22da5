package com.kis.estimator.catalog;

/**
 * The ERP import replaced part of the catalog (products, customers or price lists) in one transaction. Like
 * {@link CatalogChanged}, cached quotes are dropped; in addition, drafts priced before are checked and flagged
 * when their prices are stale. Published only when the import changed something.
 *
 * @param importId the import run, for logs and the drafts' history
 * @param source   {@code products}, {@code customers} or {@code prices}
 * @param changed  how many rows were inserted, updated or deactivated
 */
public record PriceListImported(String importId, String source, long changed) {
}
