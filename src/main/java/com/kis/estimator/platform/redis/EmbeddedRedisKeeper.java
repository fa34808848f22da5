package com.kis.estimator.platform.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Starts the embedded redis-server again when it ended on its own (killed, out of memory): on the embedded default
 * nobody else would, and until the application was restarted caches, limits and ERP imports stayed without it.
 * Looks every {@code every} whether the port still takes connections; the restarted server is empty, as after any
 * Redis restart here (it keeps nothing on disk), and the circuit notices it is back.
 */
final class EmbeddedRedisKeeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisKeeper.class);
    private static final int CONNECT_TIMEOUT_MS = 500;

    private final EmbeddedRedisServer server;
    private final int port;
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kis-embedded-redis-keeper");
        thread.setDaemon(true);
        return thread;
    });

    EmbeddedRedisKeeper(EmbeddedRedisServer server, Duration every) {
        this.server = server;
        this.port = server.ports().get(0);
        looker.scheduleWithFixedDelay(this::keep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void keep() {
        if (answers()) {
            return;
        }
        log.warn("Embedded Redis on port {} has ended; starting it again (empty)", port);
        try {
            server.end();
            server.start();
            RedisWatchdog.watch(port);
            log.info("Embedded Redis listening on 127.0.0.1:{} again", port);
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded Redis on port {} did not start again; trying later: {}", port, e.getMessage());
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public void destroy() {
        looker.shutdownNow();
    }
}
