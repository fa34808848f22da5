package com.kis.estimator.security.ratelimit;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.kis.estimator.platform.settings.RuntimeSetting;
import com.kis.estimator.platform.settings.RuntimeSettings;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.web.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies the most specific rule that matches (the longest path prefix; for the same path, one that names the
 * request's method), per signed-in user (or per client address before sign-in).
 * Every limited answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds); over the limit the request is answered 429 {@code rate-limited} with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final ProblemWriter problems;
    private final RuntimeSettings settings;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ProblemWriter problems, RuntimeSettings settings) {
        this.limiter = limiter;
        this.properties = properties;
        this.problems = problems;
        this.settings = settings;
    }

    /** The runtime setting of a rule's limit; its default is the configured limit. */
    static RuntimeSetting limitSetting(String name, RateLimitProperties.Rule rule) {
        String methods = rule.methods().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(rule.methods())) + ")";
        return new RuntimeSetting("rate-limits." + name + ".limit", "Requests per " + rule.window().toMinutes()
                + " minutes and user to " + rule.path() + methods, 1, 1_000_000, rule.limit());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Map.Entry<String, RateLimitProperties.Rule>> rule = properties.enabled() ? ruleFor(request) : Optional.empty();
        if (rule.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        int limit = (int) settings.value(limitSetting(rule.get().getKey(), rule.get().getValue()));
        Optional<RateLimiter.Usage> usage = limiter.hit(rule.get().getKey(), rule.get().getValue(), limit, subject(request));
        if (usage.isPresent()) {
            RateLimiter.Usage used = usage.get();
            response.setHeader("RateLimit-Limit", Integer.toString(used.limit()));
            response.setHeader("RateLimit-Remaining", Long.toString(used.remaining()));
            response.setHeader("RateLimit-Reset", Long.toString(used.resetSeconds()));
            if (used.exceeded()) {
                response.setHeader("Retry-After", Long.toString(used.resetSeconds()));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                        "At most " + used.limit() + " requests per " + rule.get().getValue().window().toMinutes()
                                + " minutes to " + rule.get().getValue().path() + "; try again in "
                                + used.resetSeconds() + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<Map.Entry<String, RateLimitProperties.Rule>> ruleFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return properties.rules().entrySet().stream()
                .filter(entry -> entry.getValue().counts(path, request.getMethod()))
                .max(Comparator.comparingInt(entry -> entry.getValue().specificity()));
    }

    private static String subject(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "user:" + authentication.getName();
        }
        return "ip:" + request.getRemoteAddr();
    }
}
