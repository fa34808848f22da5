package com.kis.estimator.platform.redis;

import org.redisson.api.RedissonClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator's {@code redis}, told by the circuit: while Redis is away the answer is immediate (DOWN, since when),
 * not a timeout per look. In place of Spring's own indicator (same name), which asked Redis through its own
 * connection and waited out its timeout on every call to {@code /actuator/health}.
 *
 * <p>Not part of readiness: the application serves without Redis (caches bypassed, limits open), and a Redis
 * outage taking every replica out of the load balancer would turn a slower service into none.
 */
@Component("redisHealthIndicator")
class RedisHealth implements HealthIndicator {

    private final RedisCircuit circuit;
    private final RedissonClient redis;

    RedisHealth(RedisCircuit circuit, RedissonClient redis) {
        this.circuit = circuit;
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            circuit.call(() -> redis.getBucket("kis:redis:probe").isExists());
            return Health.up().build();
        } catch (RedisUnavailable away) {
            return Health.down().withDetail("since", away.since().toString())
                    .withDetail("error", String.valueOf(away.getCause() == null ? null : away.getCause().getMessage()))
                    .build();
        }
    }
}
