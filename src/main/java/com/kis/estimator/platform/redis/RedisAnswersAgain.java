package com.kis.estimator.platform.redis;

import java.time.Instant;

/**
 * Redis answers again after an outage that began at {@code outageSince}: whatever could not be written to it
 * meanwhile (a cache's invalidation) can be made good now.
 */
public record RedisAnswersAgain(Instant outageSince) {
}
