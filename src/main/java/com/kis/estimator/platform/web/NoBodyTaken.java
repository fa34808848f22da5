package com.kis.estimator.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An operation that takes no body refuses one (400 {@code malformed-request}): {@code {"comment": "urgent"}} sent
 * with a submit would otherwise be dropped while the caller believes it was kept. An empty object is
 * tolerated, as HTTP clients send it for a POST without content.
 */
class NoBodyTaken implements HandlerInterceptor {

    /** Enough to tell an empty object from anything else; a body is never read further. */
    private static final int LOOK_AT = 64;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && !takesBody(method) && hasContent(request)) {
            String start = start(request).strip();
            if (!start.isEmpty() && !start.replaceAll("\\s", "").equals("{}")) {
                throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                        request.getMethod() + " " + request.getRequestURI() + " takes no request body");
            }
        }
        return true;
    }

    private static boolean takesBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasContent(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static String start(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            return new String(in.readNBytes(LOOK_AT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                    "The request body could not be read");
        }
    }
}
