package com.kis.estimator.security.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.web.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses API requests whose headers together exceed {@code kis.web.max-header-size} (400
 * {@code headers-too-large}; Tomcat's own, higher limit answers beyond that) and bodies larger than
 * {@code kis.web.max-json-body} before anything reads them: 413 {@code payload-too-large}. Multipart uploads are limited by {@code spring.servlet.multipart.*} instead; a
 * chunked body without a declared length is cut off at the limit while it is read (then answered 400, as an
 * unreadable body). The refusal is audited.
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxHeaderBytes;
    private final long maxBytes;
    private final ProblemWriter problems;
    private final SecurityDecisions decisions;

    BodySizeLimit(long maxHeaderBytes, long maxBytes, ProblemWriter problems, SecurityDecisions decisions) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBytes = maxBytes;
        this.problems = problems;
        this.decisions = decisions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long headerBytes = headerBytes(request);
        if (headerBytes > maxHeaderBytes) {
            decisions.denied(request, null, "headers of at most " + maxHeaderBytes + " bytes",
                    ProblemType.HEADERS_TOO_LARGE.slug());
            problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemType.HEADERS_TOO_LARGE,
                    "The request headers are " + headerBytes + " bytes; at most " + maxHeaderBytes + " are accepted");
            return;
        }
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            decisions.denied(request, null, "body of at most " + maxBytes + " bytes", ProblemType.PAYLOAD_TOO_LARGE.slug());
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is " + request.getContentLengthLong() + " bytes; at most " + maxBytes + " are accepted");
            return;
        }
        chain.doFilter(!multipart && request.getContentLengthLong() < 0 ? new Bounded(request, maxBytes) : request,
                response);
    }

    private static long headerBytes(HttpServletRequest request) {
        long total = 0;
        for (var names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (var values = request.getHeaders(name); values.hasMoreElements();) {
                total += name.length() + values.nextElement().length() + 4;
            }
        }
        return total;
    }

    /** A request whose body stops with an error after {@code maxBytes}. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > maxBytes) {
                        throw new IOException("Request body exceeds " + maxBytes + " bytes");
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > maxBytes) {
                        throw new IOException("Request body exceeds " + maxBytes + " bytes");
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
