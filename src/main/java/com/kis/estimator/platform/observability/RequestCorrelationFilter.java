package com.kis.estimator.platform.observability;

import java.io.IOException;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ties each request to its trace and its user: the response carries {@code X-Trace-Id} (so a caller can quote
 * it in a support request, and problem documents repeat it), and every log line written while serving the
 * request carries {@code userId}. Ordered after Boot's observation filter, which opens the trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestCorrelationFilter extends OncePerRequestFilter {

    static final String TRACE_ID_HEADER = "X-Trace-Id";
    static final String USER_ID = "userId";

    private final Tracer tracer;

    RequestCorrelationFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceContext trace = tracer.currentTraceContext().context();
        if (trace != null) {
            response.setHeader(TRACE_ID_HEADER, trace.traceId());
        }
        String user = request.getRemoteUser();
        if (user != null) {
            MDC.put(USER_ID, user);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER_ID);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
