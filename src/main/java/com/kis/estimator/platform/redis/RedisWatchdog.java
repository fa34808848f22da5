package com.kis.estimator.platform.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the embedded redis-server when its JVM ends, however it ends. A normal stop stops Redis itself; after a
 * SIGKILL nothing in the JVM runs any more, and the redis-server, re-parented, kept listening for good (issue 22's
 * drill saw it every time). A small shell loop outside the JVM watches the JVM's process and ends Redis within a
 * second of it. Where there is no POSIX shell the watchdog is left out, and said so.
 */
final class RedisWatchdog {

    private static final Logger log = LoggerFactory.getLogger(RedisWatchdog.class);
    private static final Path SHELL = Path.of("/bin/sh");

    private RedisWatchdog() {
    }

    /** Watches this JVM on behalf of the redis-server it has just started on the port; answers the watchdog. */
    static Optional<Process> watch(int port) {
        // the redis-server this JVM started last: the one just started (its command line does not show the port)
        Optional<ProcessHandle> redis = ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.contains("redis-server")).orElse(false))
                .max(Comparator.comparing(child -> child.info().startInstant().orElse(Instant.MIN)));
        if (redis.isEmpty() || !Files.isExecutable(SHELL)) {
            log.warn("Embedded Redis on port {} has no watchdog: it may outlive a killed JVM", port);
            return Optional.empty();
        }
        long jvm = ProcessHandle.current().pid();
        long server = redis.get().pid();
        String loop = "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; kill " + server;
        try {
            return Optional.of(new ProcessBuilder(List.of(SHELL.toString(), "-c", loop))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start());
        } catch (IOException e) {
            log.warn("Embedded Redis on port {} has no watchdog: {}", port, e.getMessage());
            return Optional.empty();
        }
    }
}
