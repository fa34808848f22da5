package com.kis.estimator.security.web;

import java.lang.annotation.Annotation;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.NoPermissionNeeded;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;
import com.kis.estimator.security.identity.SecurityProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Enforces {@link RequiresPermission} on every {@code /api} handler before it runs: 403 {@code forbidden}
 * without the permission, 403 {@code mfa-required} for a permission that needs a second factor when the login
 * had none. Authentication has already happened in the filter chain.
 */
@Configuration(proxyBeanMethods = false)
class PermissionCheck implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PermissionCheck.class);

    private final Callers callers;
    private final boolean mfaEnforced;
    private final SecurityDecisions decisions;

    PermissionCheck(Callers callers, SecurityProperties properties, SecurityDecisions decisions) {
        this.callers = callers;
        this.mfaEnforced = properties.mfa().enforced();
        this.decisions = decisions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && !isSpringsOptionsAnswer(request, method)) {
                    check(request, method);
                }
                return true;
            }
        }).addPathPatterns("/api/**").excludePathPatterns(ApiSecurityConfiguration.PUBLIC_PATHS);
    }

    private void check(HttpServletRequest request, HandlerMethod handler) {
        Annotation declared = declaration(handler);
        if (declared instanceof NoPermissionNeeded) {
            return;
        }
        Caller caller = callers.current().orElse(null);
        if (!(declared instanceof RequiresPermission required)) {
            log.error("{} declares no permission and is closed to everyone", handler.getShortLogMessage());
            throw deny(request, caller, "none declared", ProblemType.FORBIDDEN, "This endpoint is not open to anyone");
        }
        Permission permission = required.value();
        if (caller == null || !caller.has(permission)) {
            throw deny(request, caller, permission.code(), ProblemType.FORBIDDEN,
                    "You do not have the permission '" + permission.code() + "'");
        }
        if (permission.needsMfa() && mfaEnforced && !caller.mfa()) {
            throw deny(request, caller, permission.code(), ProblemType.MFA_REQUIRED,
                    "'" + permission.code() + "' needs a login with a second factor (OTP); sign in again with it");
        }
    }

    /**
     * OPTIONS on an API path is answered by Spring MVC itself with the path's Allow header; it runs no code of
     * ours and reveals only which methods exist, so it needs no permission (the caller is still authenticated).
     */
    private static boolean isSpringsOptionsAnswer(HttpServletRequest request, HandlerMethod handler) {
        return HttpMethod.OPTIONS.matches(request.getMethod())
                && handler.getBeanType().getName().startsWith("org.springframework.web.");
    }

    /** The handler's own declaration wins over its controller's. */
    static Annotation declaration(HandlerMethod handler) {
        for (var element : List.<java.lang.reflect.AnnotatedElement>of(handler.getMethod(), handler.getBeanType())) {
            for (var type : List.of(RequiresPermission.class, NoPermissionNeeded.class)) {
                Annotation found = AnnotatedElementUtils.findMergedAnnotation(element, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private ApiProblemException deny(HttpServletRequest request, Caller caller, String permission, ProblemType type,
            String detail) {
        decisions.denied(request, caller == null ? null : caller.id(), permission, type.slug());
        return new ApiProblemException(HttpStatus.FORBIDDEN, type, detail);
    }

}
