package com.kis.estimator.audit.web;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.platform.persistence.DatabaseOutage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every API request that asks for a change (POST, PUT, PATCH, DELETE) leaves an audit row once it is answered:
 * the action names the endpoint ({@code estimate.create}, {@code approval.approve}), the target is the path, and
 * the outcome is {@code ok} or {@code failed} with the status. Refusals (401/403) are recorded as security
 * decisions instead, and rate-limited requests (429) only in metrics, so that a flood cannot flood the log. A
 * change refused because the database was away leaves no row: there is nowhere to write it.
 * {@code kis.audit.api-requests=false} switches these rows off (for measuring their cost; never in production).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.audit.api-requests", havingValue = "true", matchIfMissing = true)
class ApiChangeAudit implements WebMvcConfigurer {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> RECORDED_ELSEWHERE = Set.of(401, 403, 429);

    private final AuditTrail trail;

    ApiChangeAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception ex) {
                if (CHANGES.contains(request.getMethod()) && handler instanceof HandlerMethod method
                        && !RECORDED_ELSEWHERE.contains(response.getStatus())
                        && request.getAttribute(DatabaseOutage.ANSWERED) == null) {
                    int status = response.getStatus();
                    trail.recordSeparately(request.getRemoteUser(), action(method),
                            request.getMethod() + " " + request.getRequestURI(),
                            (status < 400 ? "ok:" : "failed:") + status, null);
                }
            }
        }).addPathPatterns("/api/**");
    }

    /** {@code EstimateController.create} → {@code estimate.create}. */
    static String action(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        return controller.substring(0, 1).toLowerCase(Locale.ROOT) + controller.substring(1) + "."
                + handler.getMethod().getName();
    }
}
