package com.kis.estimator.platform.redis;

import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.SingleServerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client of a Redis server of our own (profile {@code prod}, the tests on 127.0.0.1:6379), from
 * {@code spring.data.redis.*} as Redisson's starter would read them, but failing fast: one command waits at most
 * {@code kis.redis.timeout} and is tried once more. The starter's defaults (four retries 1.5 s apart after each
 * timeout) kept every request 16–24 s when Redis stopped, before {@link RedisCircuit} had a failure to notice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.redis.embedded", havingValue = "false")
class FailFastRedis {

    private static final int RETRIES = 1;
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties server, RedisCircuitProperties properties) {
        Config config = new Config();
        SingleServerConfig single = failFast(config.useSingleServer(), properties.timeout())
                .setAddress((server.getSsl().isEnabled() ? "rediss://" : "redis://") + server.getHost() + ":"
                        + server.getPort())
                .setDatabase(server.getDatabase())
                .setUsername(server.getUsername())
                .setPassword(server.getPassword());
        if (server.getClientName() != null) {
            single.setClientName(server.getClientName());
        }
        return Redisson.create(config);
    }

    /** The same limits for the embedded server's client. */
    static SingleServerConfig failFast(SingleServerConfig server, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        return server.setTimeout(millis)
                .setConnectTimeout(millis)
                .setRetryAttempts(RETRIES)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY));
    }
}
