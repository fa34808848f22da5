package com.kis.estimator.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Paging and sorting of every paged list, checked in one place before the handler's arguments are resolved:
 * {@code page} a whole number from 0 to {@value #MAX_PAGE}, {@code size} from 1 to the configured maximum,
 * {@code sort} only by the properties its {@link SortableBy} names, optionally followed by {@code asc} or
 * {@code desc}. Each refusal is a 400 {@code invalid-parameter} naming the parameter and what it accepts. Without
 * it, a large page overflowed the query's offset and odd sort text reached the query parser: both were 500s.
 */
class PageRules implements HandlerInterceptor {

    /** Pages beyond this are never useful (200 a page: 200 million rows) and keep the offset far below 2^31. */
    static final int MAX_PAGE = 1_000_000;
    private static final Set<String> DIRECTIONS = Set.of("asc", "desc");

    private final int maxPageSize;

    PageRules(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                    check(request, parameter.getParameterAnnotation(SortableBy.class));
                }
            }
        }
        return true;
    }

    private void check(HttpServletRequest request, SortableBy sortable) {
        whole(request, "page", 0, MAX_PAGE);
        whole(request, "size", 1, maxPageSize);
        String[] sorts = request.getParameterValues("sort");
        if (sorts == null) {
            return;
        }
        Set<String> allowed = sortable == null ? Set.of() : new TreeSet<>(Arrays.asList(sortable.value()));
        for (String sort : sorts) {
            for (String property : properties(sort)) {
                if (!allowed.contains(property)) {
                    throw refused("sort", allowed.isEmpty() ? "this list cannot be sorted"
                            : "sort by one of " + String.join(", ", allowed) + ", optionally followed by ,asc or ,desc"
                                    + " (got '" + sort + "')");
                }
            }
        }
    }

    /** The properties of one sort value: "name", "name,desc", "code,name,asc". */
    private static List<String> properties(String sort) {
        List<String> parts = new ArrayList<>(Arrays.asList(sort.split(",", -1)));
        if (parts.size() > 1 && DIRECTIONS.contains(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT))) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static void whole(HttpServletRequest request, String name, int min, int max) {
        String value = request.getParameter(name);
        if (value == null) {
            return;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below, as an out-of-range number is
        }
        throw refused(name, name + " must be a whole number from " + min + " to " + max + " (got '" + value + "')");
    }

    private static ApiProblemException refused(String parameter, String message) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_PARAMETER, message,
                Map.of("errors", List.of(Map.of("field", parameter, "message", message))));
    }

    /** Writes the same rules into the OpenAPI document: page and size bounds, the sort properties as a pattern. */
    static void document(io.swagger.v3.oas.models.Operation operation, HandlerMethod handler, int maxPageSize) {
        SortableBy sortable = null;
        boolean paged = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                paged = true;
                sortable = parameter.getParameterAnnotation(SortableBy.class);
            }
        }
        if (!paged || operation.getParameters() == null) {
            return;
        }
        for (io.swagger.v3.oas.models.parameters.Parameter parameter : operation.getParameters()) {
            switch (parameter.getName()) {
                case "page" -> parameter.getSchema().minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(MAX_PAGE));
                case "size" -> parameter.getSchema().minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(maxPageSize));
                case "sort" -> {
                    String properties = sortable == null ? "" : String.join("|", sortable.value());
                    parameter.description(sortable == null ? "This list cannot be sorted"
                            : "Sort by " + String.join(", ", sortable.value()) + ", optionally followed by ,asc or "
                                    + ",desc; repeat for a second key");
                    if (parameter.getSchema().getItems() != null) {
                        parameter.getSchema().getItems().pattern("^(" + properties + ")(,(asc|desc|ASC|DESC))?$");
                    }
                }
                default -> {
                    // not a paging parameter
                }
            }
        }
    }
}
