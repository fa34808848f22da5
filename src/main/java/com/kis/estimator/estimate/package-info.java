/**
 * Estimates (견적): drafting and revising priced estimates, their revisions with a per-field history, templates
 * and the quote document, under {@code /api/v1/estimates}. Prices come from the pricing core, fed from the
 * catalog; every revision stores its price waterfall.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Estimates")
package com.kis.estimator.estimate;
