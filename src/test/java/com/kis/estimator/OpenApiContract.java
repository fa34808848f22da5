package com.kis.estimator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Holds every request the API tests make, and every answer, to the application's own OpenAPI document
 * ({@code /v3/api-docs} of the server under test): a test whose exchange the document does not describe fails
 * where it made the request. The rules:
 * <ul>
 * <li>every answer must be one the document lists for the operation, with its media type and schema: an
 * undocumented 409, a null in a field not marked nullable, a missing required field all fail;</li>
 * <li>a request the server accepted (2xx) must be valid by the document too, or the document is stricter than
 * the code; a refused one may be anything (the tests send bad input on purpose).</li>
 * </ul>
 * Only {@code /api/} paths are checked; uploads are checked for their answers, not their multipart bodies.
 */
public final class OpenApiContract implements ClientHttpRequestInterceptor {

    /** One validator per server under test (by port): the document is read once from the running application. */
    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final IntSupplier port;

    /** Checks the exchanges with the server on {@code port}; others (Keycloak, the ERP simulator) pass. */
    public OpenApiContract(IntSupplier port) {
        this.port = port;
    }

    /**
     * One request and its answer as they went over the wire. {@code sent} and {@code answer} are the bodies
     * (empty when none); the headers are those of the request and of the answer.
     */
    public record Exchange(String method, URI uri, HttpHeaders sentHeaders, byte[] sent, int status,
            HttpHeaders answerHeaders, byte[] answer) {

        /** Held to the document: an /api/ path of an operation (405 and OPTIONS answer for methods that are none). */
        boolean described() {
            String path = uri.getRawPath();
            return path.startsWith("/api/") && !path.startsWith("/api/v1/test-probe/") && status != 405
                    && !method.equals("OPTIONS");
        }
    }

    @Override
    public ClientHttpResponse intercept(org.springframework.http.HttpRequest request, byte[] body,
            ClientHttpRequestExecution execution) throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        int server = port.getAsInt();
        if (request.getURI().getPort() != server) {
            return response;
        }
        if (response.getStatusCode().is2xxSuccessful() && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(
                response.getHeaders().getContentType())) {
            return response; // a stream answers for as long as it is read: its caller reads what it needs
        }
        byte[] answer;
        try (InputStream in = response.getBody()) {
            answer = in.readAllBytes();
        } catch (IOException e) {
            answer = new byte[0];
        }
        Buffered buffered = new Buffered(response, answer);
        Exchange exchange = new Exchange(request.getMethod().name(), request.getURI(), request.getHeaders(), body,
                buffered.getStatusCode().value(), buffered.getHeaders(), answer);
        String wrong = violations(server, exchange);
        if (wrong != null) {
            report(wrong);
        }
        return buffered;
    }

    /**
     * What the document of the server on {@code server} gets wrong about {@code exchange}, or null when it
     * describes it.
     */
    public static String violations(int server, Exchange exchange) {
        if (!exchange.described()) {
            return null;
        }
        URI uri = exchange.uri();
        byte[] body = exchange.sent();
        Request.Method method = Request.Method.valueOf(exchange.method());
        SimpleRequest.Builder sent = new SimpleRequest.Builder(method, uri.getRawPath());
        queryParameters(uri).forEach((name, values) -> sent.withQueryParam(name, values));
        exchange.sentHeaders().forEach((name, values) -> sent.withHeader(name, values));
        MediaType sentType = exchange.sentHeaders().getContentType();
        boolean multipart = sentType != null && sentType.isCompatibleWith(MediaType.MULTIPART_FORM_DATA);
        if (body.length > 0 && !multipart) {
            sent.withBody(new String(body, StandardCharsets.UTF_8));
        }
        SimpleResponse.Builder got = SimpleResponse.Builder.status(exchange.status());
        exchange.answerHeaders().forEach((name, values) -> got.withHeader(name, values));
        MediaType gotType = exchange.answerHeaders().getContentType();
        byte[] answer = exchange.answer();
        if (answer.length > 0 && gotType != null && (gotType.isCompatibleWith(MediaType.APPLICATION_JSON)
                || gotType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
            got.withBody(new String(answer, StandardCharsets.UTF_8));
        } else if (answer.length > 0) {
            got.withBody("(" + answer.length + " bytes of " + gotType + ")"); // a PDF or an image: present, not JSON
        }
        ValidationReport report = validator(server).validate(sent.build(), got.build());
        boolean accepted = exchange.status() >= 200 && exchange.status() < 300;
        List<ValidationReport.Message> wrong = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> accepted || !message.getKey().startsWith("validation.request"))
                .filter(message -> !(multipart && message.getKey().startsWith("validation.request.body")))
                // the validator does not match application/*+json to application/problem+json; the server did
                .filter(message -> !message.getKey().equals("validation.request.accept.notAllowed"))
                // the validator parses a repeated array parameter whose values hold commas (sort=total,desc) as
                // JSON; PageRules and its tests check sort, not the validator
                .filter(message -> !(uri.getRawQuery() != null && uri.getRawQuery().contains("sort=")
                        && (message.getKey().equals("validation.request.parameter.schema.invalidJson")
                                || message.getKey().equals("validation.request.parameter.collection.invalid"))))
                // an empty object where no body is taken is tolerated on purpose (NoBodyTaken, api-conventions)
                .filter(message -> !(message.getKey().equals("validation.request.body.unexpected")
                        && new String(body, StandardCharsets.UTF_8).replaceAll("\\s", "").equals("{}")))
                .toList();
        if (wrong.isEmpty()) {
            return null;
        }
        return "The OpenAPI document does not describe " + method + " " + uri + " answered " + exchange.status()
                + ":\n" + wrong.stream().map(message -> "  " + message.getKey() + ": " + message.getMessage())
                        .collect(Collectors.joining("\n"))
                + "\n  answer: " + new String(answer, StandardCharsets.UTF_8);
    }

    /**
     * Fails the test, or with {@code -Dkis.contract=collect} appends to target/contract-violations.txt and
     * goes on: one run then lists every gap between the document and the code.
     */
    private static void report(String violation) {
        if (!"collect".equals(System.getProperty("kis.contract"))) {
            throw new AssertionError(violation);
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/contract-violations.txt"), violation + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The validator of the document the server on {@code server} serves. */
    public static OpenApiInteractionValidator validator(int server) {
        return VALIDATORS.computeIfAbsent(server, p -> OpenApiInteractionValidator
                .createForInlineApiSpecification(document(p)).build());
    }

    /** The document as the running application serves it. */
    public static String document(int port) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("/v3/api-docs answered " + document.statusCode());
            }
            return document.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> queryParameters(URI uri) {
        if (uri.getRawQuery() == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).filter(pair -> !pair.isEmpty())
                .collect(Collectors.groupingBy(pair -> decode(pair.contains("=") ? pair.substring(0, pair.indexOf('='))
                        : pair), java.util.LinkedHashMap::new, Collectors.mapping(
                                pair -> pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "",
                                Collectors.toList())));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The answer read once, for the check and again for the test. */
    private static final class Buffered implements ClientHttpResponse {

        private final ClientHttpResponse response;
        private final byte[] body;

        Buffered(ClientHttpResponse response, byte[] body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
