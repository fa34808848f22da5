package com.kis.estimator.security.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kis.rate-limits.*}: the design's gateway limits, per user (or per client address before sign-in), counted
 * in Redis so that every instance shares them.
 *
 * @param enabled     switch the limits off (tests of other things; never in production)
 * @param keyPrefix   Redis key prefix (lets two deployments share one Redis)
 * @param rules       by name: path prefix, the HTTP methods it counts (all when empty), requests allowed per
 *                    window, window length
 */
@ConfigurationProperties("kis.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("kis:rate") String keyPrefix,
        Map<String, Rule> rules) {

    public RateLimitProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /** {@code limit} requests per {@code window} to paths starting with {@code path}, by the methods named. */
    public record Rule(String path, Set<String> methods, int limit, Duration window) {

        public Rule {
            methods = methods == null ? Set.of() : Set.copyOf(methods);
        }

        boolean counts(String requestPath, String method) {
            return requestPath.startsWith(path) && (methods.isEmpty() || methods.contains(method));
        }

        /** A longer path is more specific; for the same path, a rule naming methods is. */
        int specificity() {
            return path.length() * 2 + (methods.isEmpty() ? 0 : 1);
        }
    }
}
