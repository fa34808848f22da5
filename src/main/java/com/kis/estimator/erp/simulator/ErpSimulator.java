package com.kis.estimator.erp.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the company ERP's REST API, for the tests and the local demo (kis.erp.simulator.enabled). It
 * serves what the ERP pull reads — {@code GET /api/{products|customers|prices}?updatedSince=&page=&size=}
 * answering {@code {"items": [...], "page": n, "last": bool}} — and takes what the outbound feed sends —
 * {@code POST /api/estimates}. Every request needs {@code Authorization: Bearer <token>}. It can be told to
 * fail the next requests (503) to exercise retries.
 */
public final class ErpSimulator implements AutoCloseable {

    private record Row(String key, Instant updatedAt, Map<String, Object> values) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final Clock clock;
    private final HttpServer server;
    private final Map<String, Map<String, Row>> data = new ConcurrentHashMap<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String failing = "";

    private ErpSimulator(int port, String token, Clock clock) throws IOException {
        this.token = token;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** @param port 0 for any free port */
    public static ErpSimulator start(int port, String token) {
        try {
            return new ErpSimulator(port, token, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Adds or changes a row of {@code products}, {@code customers} or {@code prices}, changed now. */
    public void put(String type, String key, Map<String, Object> values) {
        data.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .put(key, new Row(key, clock.instant(), new LinkedHashMap<>(values)));
    }

    /**
     * The next {@code count} requests whose method, path, query or body contain {@code match} answer 503 (other
     * requests, e.g. other tests' sends to the same simulator, are served).
     */
    public void failNext(String match, int count) {
        failing = match;
        failures.set(count);
    }

    /** What the outbound feed sent, in order. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Method, path and query of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String request = exchange.getRequestMethod() + " " + uri.getPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            requests.add(request);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Map.of("error", "unauthorized"));
            } else if ((request + " " + body).contains(failing) && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, Map.of("error", "the ERP is busy"));
            } else if ("POST".equals(exchange.getRequestMethod()) && uri.getPath().equals("/api/estimates")) {
                received.add(json.readTree(body));
                answer(exchange, 201, Map.of("accepted", true));
            } else if ("GET".equals(exchange.getRequestMethod())) {
                page(exchange, uri.getPath().substring("/api/".length()), query(uri.getRawQuery()));
            } else {
                answer(exchange, 404, Map.of("error", "not found"));
            }
        }
    }

    private void page(HttpExchange exchange, String type, Map<String, String> query) throws IOException {
        Instant since = query.containsKey("updatedSince") ? Instant.parse(query.get("updatedSince")) : Instant.MIN;
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "100"));
        List<Map<String, Object>> changed = new ArrayList<>();
        data.getOrDefault(type, Map.of()).values().stream()
                .filter(row -> row.updatedAt().isAfter(since))
                .sorted(java.util.Comparator.comparing(Row::key))
                .forEach(row -> changed.add(row.values()));
        int from = Math.min(page * size, changed.size());
        int to = Math.min(from + size, changed.size());
        answer(exchange, 200, Map.of("items", changed.subList(from, to), "page", page, "size", size,
                "last", to >= changed.size()));
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
