package com.kis.estimator.platform.redis;

import java.time.Instant;

import org.redisson.client.RedisException;

/**
 * Redis did not answer, or stopped answering at {@link #since()} and has not answered since. A
 * {@link RedisException}, so that code already prepared for Redisson's failures is prepared for this one.
 */
public class RedisUnavailable extends RedisException {

    private final Instant since;

    RedisUnavailable(Instant since, Throwable cause) {
        super("Redis has not answered since " + since, cause);
        this.since = since;
    }

    public Instant since() {
        return since;
    }
}
