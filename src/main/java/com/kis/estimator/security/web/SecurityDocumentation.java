package com.kis.estimator.security.web;

import java.lang.annotation.Annotation;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import com.kis.estimator.platform.web.ProblemDocumentation;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.NoPermissionNeeded;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What the security layer answers, in the OpenAPI document per operation: 401 without a valid sign-in, 403 with
 * the permission the operation needs (and {@code mfa-required} where it needs a second factor), 429 past the
 * rate limit. Taken from the same {@link RequiresPermission} that {@link PermissionCheck} enforces.
 */
@Configuration(proxyBeanMethods = false)
class SecurityDocumentation {

    private static final String BEARER = "bearer";
    private static final String BASIC = "basic";
    private static final String SESSION = "session";

    @Bean
    OperationCustomizer securityProblems() {
        return (operation, handler) -> {
            boolean open = paths(handler).stream().anyMatch(List.of(ApiSecurityConfiguration.PUBLIC_PATHS)::contains);
            Annotation declared = PermissionCheck.declaration(handler);
            if (!open) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
                operation.addSecurityItem(new SecurityRequirement().addList(SESSION));
                ProblemDocumentation.add(operation, "401", ProblemDocumentation.problem(401,
                        "No valid sign-in: a Keycloak bearer token in production, HTTP Basic in the embedded "
                                + "default, or the web UI's session", ProblemType.UNAUTHORIZED));
            }
            if (declared instanceof RequiresPermission required) {
                ProblemType[] types = required.value().needsMfa()
                        ? new ProblemType[] {ProblemType.FORBIDDEN, ProblemType.MFA_REQUIRED}
                        : new ProblemType[] {ProblemType.FORBIDDEN};
                ProblemDocumentation.add(operation, "403", ProblemDocumentation.problem(403,
                        "The caller lacks the permission `" + required.value().code() + "`"
                                + (required.value().needsMfa() ? " or signed in without a second factor" : "")
                                + ", or may not act on this resource", types));
                operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                        + "Needs the permission `" + required.value().code() + "`.");
            } else if (!(declared instanceof NoPermissionNeeded) && !open) {
                ProblemDocumentation.add(operation, "403", ProblemDocumentation.problem(403,
                        "Open to no one", ProblemType.FORBIDDEN));
            } else if (changes(handler)) {
                ProblemDocumentation.add(operation, "403", ProblemDocumentation.problem(403,
                        "A change from the web UI's session without its CSRF token (`X-XSRF-TOKEN`)",
                        ProblemType.FORBIDDEN));
            }
            ProblemDocumentation.add(operation, "429", ProblemDocumentation.problem(429,
                    "Too many requests from this caller; Retry-After says when to try again",
                    ProblemType.RATE_LIMITED));
            return operation;
        };
    }

    /** Whether the handler answers a method that changes something (and so needs a session's CSRF token). */
    private static boolean changes(HandlerMethod handler) {
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return method != null && java.util.Arrays.stream(method.method()).anyMatch(verb -> verb != RequestMethod.GET
                && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS);
    }

    /** The paths a handler is mapped to: its controller's prefix joined with its own. */
    private static List<String> paths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        List<String> own = method == null || method.path().length == 0 ? List.of("") : List.of(method.path());
        return prefixes.stream().flatMap(prefix -> own.stream().map(path -> prefix + path)).toList();
    }

    @Bean
    OpenApiCustomizer securitySchemes() {
        return openApi -> openApi.getComponents()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A Keycloak access token (production)"))
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("User name and password (the embedded default's demo users)"))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("JSESSIONID").description("The web UI's session, started "
                                + "by POST /api/v1/auth/session; every change also sends the XSRF-TOKEN cookie's "
                                + "value as the X-XSRF-TOKEN header (ADR 0010)"));
    }
}
