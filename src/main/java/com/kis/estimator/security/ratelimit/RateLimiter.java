package com.kis.estimator.security.ratelimit;

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

import com.kis.estimator.platform.redis.RedisCircuit;
import com.kis.estimator.platform.redis.RedisUnavailable;

/**
 * Fixed-window counters in Redis, as the design's gateway counted (N requests per 15 minutes): one atomic
 * script per request increments the caller's counter and starts the window on the first hit. When Redis cannot
 * be reached the limiter lets requests through (fail open: the limits protect capacity, they are not an access
 * control); while Redis is away ({@link RedisCircuit}) it is not asked, so an outage costs one timeout, not one per
 * request, and limits count again as soon as Redis answers.
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
    private final RedisCircuit circuit;
    private final RateLimitProperties properties;
    private final Counter unavailable;

    RateLimiter(RedissonClient redis, RedisCircuit circuit, RateLimitProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.circuit = circuit;
        this.properties = properties;
        this.unavailable = Counter.builder("kis.rate.limit.unavailable")
                .description("Requests let through unlimited because Redis could not be reached").register(meters);
    }

    /** Counts one request of {@code subject} under {@code rule}; empty when the count could not be taken. */
    Optional<Usage> hit(String ruleName, RateLimitProperties.Rule rule, int limit, String subject) {
        try {
            List<Long> result = circuit.call(() -> redis.getScript(LongCodec.INSTANCE).eval(key(ruleName, subject),
                    RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.MULTI, List.of(key(ruleName, subject)),
                    rule.window().toMillis()));
            return Optional.of(new Usage(limit, result.get(0), result.get(1)));
        } catch (RedisUnavailable away) {
            unavailable.increment();
            return Optional.empty();
        } catch (RuntimeException e) {
            unavailable.increment();
            log.warn("Rate limit {} not enforced for this request: {}", ruleName, e.getMessage());
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
