package com.kis.estimator.erp.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbound feed of approved estimates (camel-routes/erp-outbound.yaml).
 *
 * @param target      {@code rest} (POST to {@code url}) or {@code file} (a JSON file per estimate in
 *                    {@code directory})
 * @param url         where approved estimates are posted; empty: they wait, pending, until it is set
 * @param maxAttempts after this many failed sends (each with the route's redeliveries) a message is DEAD: kept,
 *                    listed in /api/v1/erp/sync, sent again only when ops ask
 * @param retryAfter  the wait before the next send after a failed one, doubled each time, at most an hour
 */
@ConfigurationProperties("kis.erp.outbound")
public record OutboundProperties(
        @DefaultValue("rest") String target,
        @DefaultValue("") String url,
        @DefaultValue("./data/erp/outbound") String directory,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1m") Duration retryAfter) {
}
