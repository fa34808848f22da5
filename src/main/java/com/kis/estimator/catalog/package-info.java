/**
 * The catalog: products, customers, customer price lists (단가표) and volume discount tiers, mastered in the
 * ERP and maintained here through {@code /api/v1/products}, {@code /customers}, {@code /price-lists} and
 * {@code /volume-tiers}. Publishes {@link com.kis.estimator.catalog.CatalogChanged} when anything that
 * prices an estimate changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package com.kis.estimator.catalog;
