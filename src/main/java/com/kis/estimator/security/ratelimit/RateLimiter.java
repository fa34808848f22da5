package com.kis.estimator.security.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Fixed-window counters in Redis, as the design's gateway counted (N requests per 15 minutes): one atomic
 * script per request increments the caller's counter and starts the window on the first hit. When Redis cannot
 * be reached the limiter lets requests through (fail open: the limits protect capacity, they are not an access
 * control) and stops asking Redis for a short pause, so an outage costs one timeout, not one per request.
 */
@Component
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** INCR, set the window's expiry on the first hit, return the count and the milliseconds left. */
    private static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
            return {count, left}""";

    private final RedissonClient redis;
    private final RateLimitProperties properties;
    private final Clock clock;
    private final Counter unavailable;
    private volatile Instant pausedUntil = Instant.MIN;

    RateLimiter(RedissonClient redis, RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.unavailable = Counter.builder("kis.rate.limit.unavailable")
                .description("Requests let through unlimited because Redis could not be reached").register(meters);
    }

    /** Counts one request of {@code subject} under {@code rule}; empty when the count could not be taken. */
    Optional<Usage> hit(String ruleName, RateLimitProperties.Rule rule, int limit, String subject) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            unavailable.increment();
            return Optional.empty();
        }
        try {
            List<Long> result = redis.getScript(LongCodec.INSTANCE).eval(key(ruleName, subject), RScript.Mode.READ_WRITE,
                    COUNT, RScript.ReturnType.MULTI, List.of(key(ruleName, subject)), rule.window().toMillis());
            return Optional.of(new Usage(limit, result.get(0), result.get(1)));
        } catch (RuntimeException e) {
            pausedUntil = now.plus(properties.redisPause());
            unavailable.increment();
            log.warn("Rate limits not enforced for {}: Redis unavailable ({})", properties.redisPause(), e.getMessage());
            return Optional.empty();
        }
    }

    private String key(String ruleName, String subject) {
        return properties.keyPrefix() + ":" + ruleName + ":" + subject;
    }

    /** One caller's use of one rule in the current window. */
    record Usage(int limit, long count, long millisLeft) {

        boolean exceeded() {
            return count > limit;
        }

        long remaining() {
            return Math.max(0, limit - count);
        }

        /** Whole seconds until the window resets, at least 1. */
        long resetSeconds() {
            return Math.max(1, (millisLeft + 999) / 1000);
        }
    }
}
