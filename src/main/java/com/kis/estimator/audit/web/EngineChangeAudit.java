package com.kis.estimator.audit.web;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.platform.workflow.ModelsDeployed;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Camunda's own doors leave the same trace as the API: every request asking for a change through
 * {@code /engine-rest} or the webapps' API ({@code /camunda/api/…}: Tasklist, Cockpit, Admin) is an audit row
 * once answered, with who, what and the outcome ({@code engine.change}, {@code ok:204}, {@code failed:400},
 * {@code denied:403}). Every deployment of models is recorded with who made it and the SHA-256 of each
 * resource ({@code model.deploy}). Sign-in and sign-out of the webapps are security decisions of their own and
 * not repeated here; unauthenticated {@code /engine-rest} calls are recorded as refusals already.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.audit.api-requests", havingValue = "true", matchIfMissing = true)
class EngineChangeAudit {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;

    EngineChangeAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Bean
    FilterRegistrationBean<HttpFilter> engineChangeAuditFilter(
            @Value("${spring.jersey.application-path:/engine-rest}") String engineRestPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        String webappApi = webappPath + "/api/";
        String signInOut = webappPath + "/api/admin/auth/";
        HttpFilter audit = new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                chain.doFilter(request, response);
                String path = request.getRequestURI().substring(request.getContextPath().length());
                int status = response.getStatus();
                if (!CHANGES.contains(request.getMethod()) || status == 401 || path.startsWith(signInOut)) {
                    return;
                }
                String action = path.startsWith(webappApi) ? "webapp.change" : "engine.change";
                String outcome = status < 400 ? "ok:" + status : (status == 403 ? "denied:" : "failed:") + status;
                trail.recordSeparately(user(request), action, request.getMethod() + " " + path, outcome, null);
            }
        };
        var registration = new FilterRegistrationBean<>(audit);
        registration.setName("kis-engine-change-audit");
        registration.addUrlPatterns(engineRestPath + "/*", webappPath + "/api/*");
        // inside Spring Security's chain, which has signed the caller in by then
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }

    /** The signed-in caller: Spring Security's, or that of Camunda's own webapp login (embedded default). */
    private static String user(HttpServletRequest request) {
        if (request.getRemoteUser() != null) {
            return request.getRemoteUser();
        }
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (webapp == null || webapp.getAuthentications().isEmpty()) {
            return null;
        }
        return webapp.getAuthentications().stream().filter(UserAuthentication.class::isInstance)
                .map(authentication -> authentication.getIdentityId()).distinct().collect(Collectors.joining(","));
    }

    @EventListener
    void deployed(ModelsDeployed deployment) {
        String resources = deployment.resourceHashes().entrySet().stream()
                .map(entry -> entry.getKey() + " sha256:" + entry.getValue()).collect(Collectors.joining(", "));
        trail.recordAs(deployment.user(), "model.deploy", deployment.deploymentName(), "ok", resources);
    }
}
