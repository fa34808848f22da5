package com.kis.estimator.platform.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query parameter the operation does not declare is refused (400 {@code invalid-parameter}) instead of being
 * ignored: {@code /audit/logs?usr=kim} would otherwise answer every user's rows as if they were kim's. Only the
 * query string is read, never a body: a multipart upload stays unparsed until its handler reads it.
 */
class KnownQueryParameters implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final List<String> PAGING = List.of("page", "size", "sort");

    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && request.getQueryString() != null) {
            Set<String> known = declared.computeIfAbsent(method, KnownQueryParameters::namesOf);
            for (String pair : request.getQueryString().split("&")) {
                String name = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                if (!name.isEmpty() && !known.contains(name)) {
                    String message = known.isEmpty() ? "this operation takes no query parameters"
                            : "unknown query parameter; this operation takes " + String.join(", ", known);
                    throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_PARAMETER,
                            "Unknown query parameter '" + name + "'",
                            Map.of("errors", List.of(Map.of("field", name, "message", message))));
                }
            }
        }
        return true;
    }

    private static Set<String> namesOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                names.add(param.name().isEmpty()
                        ? NAMES.getParameterNames(method.getMethod())[parameter.getParameterIndex()] : param.name());
            } else if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                names.addAll(PAGING);
            }
        }
        return names;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
