package com.kis.estimator.security.web;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.web.ProblemWriter;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.identity.ApiAuthentication;
import com.kis.estimator.security.identity.KnownUsers;
import com.kis.estimator.security.identity.SecurityProperties;
import com.kis.estimator.security.ratelimit.RateLimitFilter;

/**
 * The API's filter chain and the one for everything else (in production a third, {@code WebappLogin}, signs
 * browsers in through Keycloak: the Camunda webapps and the web UI). {@code /api/**} and {@code /engine-rest/**}
 * are stateless: every request authenticates (a Keycloak bearer token in production, HTTP Basic against Camunda's
 * identity in the embedded default; or the web UI's session with its CSRF token, {@link BrowserSessions}), failures
 * answer problem+json; {@link PermissionCheck} then decides per API endpoint, Camunda's authorizations per engine
 * call. Everything else (Camunda's webapps in the embedded default with their own login and CSRF protection,
 * Actuator, the API docs) passes this layer and is guarded where it is served.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, WebExposureProperties.class})
class ApiSecurityConfiguration {

    /** The only API paths open without signing in: what load balancers and monitors poll. */
    static final String[] PUBLIC_PATHS = {"/api/v1/health", SessionController.PATH};

    /** Spring Security's string matchers miss Camunda's own servlets; path patterns match them (STACK-NOTES). */
    /**
     * No observations of Spring Security's own steps. Switching them off by name (application.yaml) still wraps
     * every filter and the authentication in a no-op observation; with these settings nothing is wrapped. Each
     * request keeps its own observation and trace id.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiAuthentication authentication, ProblemWriter problems,
            SecurityDecisions decisions, RateLimitFilter rateLimits, Callers callers, KnownUsers users,
            WebExposureProperties exposure) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            decisions.denied(request, null, "authentication", ProblemType.UNAUTHORIZED.slug());
            response.setHeader("WWW-Authenticate", BrowserSessions.challenge(request, authentication.challenge()));
            problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                    "Sign in first: " + authentication.howToSignIn());
        };
        AccessDeniedHandler denied = (request, response, failure) -> {
            boolean forged = failure instanceof CsrfException;
            decisions.denied(request, request.getRemoteUser(), forged ? "csrf" : "access", ProblemType.FORBIDDEN.slug());
            problems.write(request, response, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, forged
                    ? "A signed-in browser must send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
                    : "You are not allowed to do this");
        };
        http.securityMatcher("/api/**", "/engine-rest/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                // this chain never creates a session: only the web UI's sign-in does (BrowserSessions reads it)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .cors(cors -> cors.configurationSource(cors(exposure)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .addFilterBefore(new BodySizeLimit(exposure.maxHeaderSize().toBytes(), exposure.maxJsonBody().toBytes(), problems,
                        decisions), LogoutFilter.class)
                .addFilterBefore(new CallerContextFilter(callers, users), AuthorizationFilter.class)
                .addFilterAfter(rateLimits, CallerContextFilter.class);
        BrowserSessions.apply(http);
        authentication.apply(http, unauthenticated);
        return http.build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Camunda's webapps run their own CSRF filter; Spring's would reject their login (STACK-NOTES).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Browsers may call the API from the web UI's origins only ({@code kis.web.allowed-origins}); tokens travel in
     * the Authorization header, never in cookies, so credentials stay off.
     */
    static CorsConfigurationSource cors(WebExposureProperties exposure) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(exposure.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "Idempotency-Key",
                "traceparent"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Trace-Id", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed", "Content-Disposition"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    @Bean
    ApiAuthentication apiAuthentication(SecurityProperties properties, IdentityService identity) {
        return ApiAuthentication.of(properties, identity);
    }
}
