/**
 * JSON logs with trace ids, the health endpoint, and metrics: other modules register a gauge that needs the
 * database through {@link DatabaseGauges}, so that no scrape waits for a query.
 */
@org.springframework.modulith.NamedInterface("observability")
package com.kis.estimator.platform.observability;
