package com.kis.estimator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.Redis;

/**
 * The embedded default's Redis frozen as a hung server is (SIGSTOP): connections stay open and commands go
 * unanswered until {@link #close()} thaws it (SIGCONT), with its data as it was. A stopped server would
 * only refuse connections, the easier failure. Linux only: the process is found by its port in /proc.
 */
public final class RedisFreeze implements AutoCloseable {

    private final long pid;

    private RedisFreeze(long pid) {
        this.pid = pid;
        signal("-STOP");
    }

    /** Freezes the redis-server this JVM started for {@code server}. */
    public static RedisFreeze of(Redis server) {
        String address = "127.0.0.1:" + server.ports().get(0);
        return new RedisFreeze(ProcessHandle.current().descendants()
                .filter(process -> commandLine(process.pid()).contains(address))
                .findFirst().orElseThrow(() -> new IllegalStateException("no redis-server on " + address))
                .pid());
    }

    @Override
    public void close() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String commandLine(long pid) {
        try {
            // redis-server rewrites its title to "<binary> <host>:<port>"; ProcessHandle.Info may not show it
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
