package com.kis.estimator.platform.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application talks to Redis ({@link RedisCircuit}, {@link FailFastRedis}).
 *
 * @param timeout        how long one command may take before Redis counts as gone; Redis on the same network
 *                       answers in a millisecond, so this only has to outlast a pause of our own JVM
 * @param probeInterval  how often Redis is asked again while it is away
 */
@ConfigurationProperties("kis.redis")
public record RedisCircuitProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("1s") Duration probeInterval) {
}
