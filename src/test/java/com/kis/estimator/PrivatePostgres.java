package com.kis.estimator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of the test's own (Debian's binaries, {@code initdb} into a temporary folder, a free port,
 * trust authentication on loopback), so that a drill may stop and start it without touching the server every
 * other test shares. As root the server runs as the {@code postgres} user, which PostgreSQL requires.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    public static PrivatePostgres start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** With these lines added to its {@code postgresql.conf} (values quoted as the file wants them). */
    public static PrivatePostgres start(Map<String, String> settings) throws IOException, InterruptedException {
        Path data = ownedByServerUser(Files.createTempDirectory("kis-pg-"));
        PrivatePostgres postgres = new PrivatePostgres(newestBinaries(), data, ApplicationProcess.freePort());
        postgres.as(postgres.bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A",
                "trust", "--no-sync", "-E", "UTF8");
        StringBuilder lines = new StringBuilder("\n");
        settings.forEach((name, value) -> lines.append(name).append(" = ").append(value).append('\n'));
        Files.writeString(data.resolve("postgresql.conf"), lines, StandardOpenOption.APPEND);
        postgres.startServer();
        try (Connection connection = postgres.connect("postgres")) {
            connection.createStatement().execute("CREATE DATABASE kis");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres;
    }

    /** A server started elsewhere on this data folder and port (a restored cluster); closing it stops it. */
    public static PrivatePostgres adopt(Path data, int port) throws IOException {
        return new PrivatePostgres(newestBinaries(), data, port);
    }

    /** The folder, now writable by the server's user (PostgreSQL refuses to run as root). */
    public static Path ownedByServerUser(Path folder) throws IOException, InterruptedException {
        if (asRoot()) {
            run(List.of("chown", "postgres", folder.toString()));
        }
        return folder;
    }

    /** Runs a command as the server's user and answers its output; fails with the output when it fails. */
    public static String runAsServerUser(List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(command);
        return run(line);
    }

    private static Path newestBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"))
                    .resolve("bin");
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/kis?currentSchema=camunda,public";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        as(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data, "-w",
                "start");
    }

    /** Stops the server as {@code pg_ctlcluster … restart} does first: fast, open sessions cut. */
    public void stopServer() throws IOException, InterruptedException {
        as(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Stops the server as a crash would: no shutdown checkpoint, the WAL segment in progress never archived. */
    public void crash() throws IOException, InterruptedException {
        as(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            as(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        FileSystemUtils.deleteRecursively(data.toFile());
    }

    private void as(String... command) throws IOException, InterruptedException {
        runAsServerUser(List.of(command));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return output;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
