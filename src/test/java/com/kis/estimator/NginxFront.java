package com.kis.estimator;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's nginx in front of replicas on this machine, with {@code deploy/nginx.conf} as production runs it: its
 * upstreams, balancing and proxy settings, rewritten only where a loopback test must differ. The upstream hosts
 * {@code app1} and {@code app2} become the replicas' loopback ports, and the TLS server listens on a plain
 * loopback port instead (the certificate is the deployment's; the HTTP-to-HTTPS redirect server is left out), and
 * each answer says which replica gave it ({@link #answeredBy}).
 */
public final class NginxFront implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    /** Added for the tests only: which replica answered. */
    private static final String UPSTREAM_HEADER = "X-Kis-Upstream";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process nginx;
    private final Path prefix;
    private final int port;

    private NginxFront(Process nginx, Path prefix, int port) {
        this.nginx = nginx;
        this.prefix = prefix;
        this.port = port;
    }

    public static NginxFront start(List<Integer> replicaPorts) throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("nginx is not installed (Debian package nginx-light; .ci/run installs it)");
        }
        // nginx's workers drop root for nobody: they must reach the temporary files of a large upload under here
        Path prefix = Files.createTempDirectory("kis-nginx-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(prefix.resolve("logs"));
        int port = ApplicationProcess.freePort();
        String conf = loopback(Files.readString(Path.of("deploy/nginx.conf")), replicaPorts, port);
        Files.writeString(prefix.resolve("nginx.conf"), conf);
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", "nginx.conf", "-g",
                "daemon off; pid " + prefix.resolve("nginx.pid") + "; error_log " + prefix.resolve("logs/error.log")
                        + " warn;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
        NginxFront front = new NginxFront(nginx, prefix, port);
        front.awaitListening();
        return front;
    }

    /** The production file with loopback upstreams and a plain-HTTP listener; fails if the file changed shape. */
    static String loopback(String conf, List<Integer> replicaPorts, int port) {
        for (int replica = 1; replica <= replicaPorts.size(); replica++) {
            conf = replaceAll(conf, "server app" + replica + ":8080",
                    "server 127.0.0.1:" + replicaPorts.get(replica - 1));
        }
        conf = replace(conf, Pattern.compile("  server \\{\\n    listen 80;[^}]*}\\n\\n"), "");
        conf = replace(conf, Pattern.compile("listen 443 ssl;"), "listen 127.0.0.1:" + port + ";");
        conf = replace(conf, Pattern.compile("\\n *(http2 on|ssl_[a-z_]+ [^;]*|add_header Strict-Transport-Security[^;]*);"), "");
        // the test's own temporary files and log, not /var/lib/nginx and /var/log/nginx
        return replace(conf, Pattern.compile("http \\{\\n"), """
                http {
                  add_header %s $upstream_addr always;
                  access_log off;
                  client_body_temp_path client_body;
                  proxy_temp_path proxy;
                """.formatted(UPSTREAM_HEADER));
    }

    private static String replaceAll(String conf, String literal, String replacement) {
        if (!conf.contains(literal)) {
            throw new IllegalStateException("deploy/nginx.conf has no '" + literal + "' any more");
        }
        return conf.replace(literal, replacement);
    }

    private static String replace(String conf, Pattern pattern, String replacement) {
        if (!pattern.matcher(conf).find()) {
            throw new IllegalStateException("deploy/nginx.conf does not match " + pattern + " any more");
        }
        return pattern.matcher(conf).replaceAll(replacement.replace("$", "\\$"));
    }

    /**
     * The port of the replica that answered a request for {@code path} through nginx (its {@code $upstream_addr},
     * which the test configuration adds as a header), or -1 when nginx answered itself (no live replica).
     */
    public int answeredBy(String path) throws IOException, InterruptedException {
        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        String upstreams = answer.headers().firstValue(UPSTREAM_HEADER).orElse("");
        // nginx lists every replica it tried, the one that answered last
        String last = upstreams.substring(upstreams.lastIndexOf(' ') + 1);
        return answer.statusCode() >= 500 || !last.contains(":") ? -1
                : Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String errorLog() throws IOException {
        Path log = prefix.resolve("logs/error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx ended: " + Files.readString(prefix.resolve("logs/nginx.out"))
                        + errorLog());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            nginx.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nginx.destroyForcibly();
        FileSystemUtils.deleteRecursively(prefix.toFile());
    }
}
