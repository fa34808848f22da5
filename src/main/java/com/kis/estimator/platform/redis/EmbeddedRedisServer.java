package com.kis.estimator.platform.redis;

import java.io.IOException;

import redis.embedded.Redis;
import redis.embedded.RedisInstance;
import redis.embedded.core.RedisServerBuilder;

/**
 * The embedded default's redis-server, ended by Spring once the application has drained, not by the library's own
 * JVM shutdown hook. That hook ran at the very start of a SIGTERM, beside Spring's graceful shutdown, and took
 * Redis away from the requests still being answered (the stop drill saw the circuit open mid-drain). A killed JVM
 * runs no hooks at all: {@link RedisWatchdog} ends the server then.
 */
final class EmbeddedRedisServer extends RedisInstance {

    EmbeddedRedisServer(RedisServerBuilder settings, int port) throws IOException {
        super(port, settings.port(port).buildCommandArgs(), Redis.SERVER_READY_PATTERN, true, line -> { },
                line -> { });
    }

    /** What the library's shutdown hook calls: left to {@link #end()}. */
    @Override
    public synchronized void stop() {
        // the application's close ends the server, after the web server has drained
    }

    /** Ends the server: at the application's close, and before the keeper starts it again. */
    synchronized void end() throws IOException {
        super.stop();
    }
}
