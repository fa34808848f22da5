package com.kis.estimator.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors that Tomcat answers itself, before any filter or controller runs (request headers larger than
 * {@code server.max-http-request-header-size}, a malformed request line), get a problem document too instead
 * of Tomcat's HTML page.
 */
@Component
class TomcatProblemErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as {@code application/problem+json}, without server details. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        private static final Logger log = LoggerFactory.getLogger(TomcatProblemErrors.class);

        /** 32 hex digits, the shape of the W3C trace ids the application's own requests carry. */
        private static String newTraceId() {
            byte[] id = new byte[16];
            ThreadLocalRandom.current().nextBytes(id);
            return HexFormat.of().formatHex(id);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemType type = switch (status) {
                case 400 -> ProblemType.MALFORMED_REQUEST;
                case 404 -> ProblemType.NOT_FOUND;
                case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
            };
            String detail = status == 400
                    ? "The request could not be read: its request line or headers are malformed or larger than the server accepts"
                    : HttpStatus.valueOf(status).getReasonPhrase();
            // No trace exists this early: one is made here and logged, so a caller's report can still be found.
            String traceId = newTraceId();
            MDC.put("traceId", traceId);
            try {
                log.info("Refused by the server before the application: {} {} {}", status, request.getMethod(),
                        request.getDecodedRequestURI());
            } finally {
                MDC.remove("traceId");
            }
            try {
                response.setHeader("X-Trace-Id", traceId);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                            + status + ",\"detail\":\"" + detail + "\",\"traceId\":\"" + traceId + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone; nothing left to tell the client
            }
        }
    }
}
