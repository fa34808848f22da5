package com.kis.estimator.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.embedded.RedisServer;

/** A real embedded redis-server, killed with SIGKILL behind the keeper's back. */
class EmbeddedRedisKeeperTest {

    private static final Pattern PROCESS_ID = Pattern.compile("process_id:(\\d+)");

    private EmbeddedRedisServer server;
    private EmbeddedRedisKeeper keeper;

    @AfterEach
    void stop() throws IOException {
        if (keeper != null) {
            keeper.destroy();
        }
        if (server != null) {
            server.end();
        }
    }

    @Test
    void aKilledServerIsStartedAgainOnItsPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = new EmbeddedRedisServer(RedisServer.newRedisServer().bind("127.0.0.1").setting("save \"\""), port);
        server.start();
        keeper = new EmbeddedRedisKeeper(server, Duration.ofMillis(200));
        long first = serverPid(port).orElseThrow();

        assertThat(ProcessHandle.of(first).orElseThrow().destroyForcibly()).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        OptionalLong again = OptionalLong.empty();
        while (System.nanoTime() < deadline) {
            again = serverPid(port);
            if (again.isPresent() && again.getAsLong() != first) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(again).as("a new redis-server answering on port %d", port).isPresent();
        assertThat(again.getAsLong()).isNotEqualTo(first);
    }

    /** The pid of whatever redis-server answers on the port, asked over Redis's own protocol. */
    private static OptionalLong serverPid(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("INFO server\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            Matcher pid = PROCESS_ID.matcher("");
            for (int read; (read = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                pid = PROCESS_ID.matcher(answer);
                if (pid.find() && answer.indexOf("\r\n", pid.end()) >= 0) {
                    return OptionalLong.of(Long.parseLong(pid.group(1)));
                }
            }
            return OptionalLong.empty();
        } catch (IOException notAnswering) {
            return OptionalLong.empty();
        }
    }
}
