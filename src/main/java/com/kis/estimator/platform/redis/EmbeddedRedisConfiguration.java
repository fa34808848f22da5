package com.kis.estimator.platform.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.embedded.RedisServer;

/**
 * The embedded default's Redis: a real redis-server binary (shipped in the embedded-redis jar) on a free
 * loopback port, so locks, limits and caches run through the same Redisson code as in production, with no
 * Redis installed. The port is chosen free rather than fixed because a developer machine often already runs
 * Redis on 6379, and the embedded server fails without saying why when its port is taken.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.redis.embedded", havingValue = "true")
class EmbeddedRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

    @Bean(destroyMethod = "end")
    EmbeddedRedisServer embeddedRedisServer() throws IOException {
        int port = freePort();
        EmbeddedRedisServer server = new EmbeddedRedisServer(RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 128mb"), port);
        server.start();
        RedisWatchdog.watch(port);
        log.info("Embedded Redis listening on 127.0.0.1:{}", port);
        return server;
    }

    @Bean
    EmbeddedRedisKeeper embeddedRedisKeeper(EmbeddedRedisServer embeddedRedisServer,
            @Value("${kis.redis.embedded-check:2s}") Duration every) {
        return new EmbeddedRedisKeeper(embeddedRedisServer, every);
    }

    /** Fails fast as a server's client does ({@link FailFastRedis}). */
    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(EmbeddedRedisServer embeddedRedisServer, RedisCircuitProperties properties) {
        Config config = new Config();
        FailFastRedis.failFast(config.useSingleServer(), properties.timeout())
                .setAddress("redis://127.0.0.1:" + embeddedRedisServer.ports().get(0))
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(8);
        return Redisson.create(config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
