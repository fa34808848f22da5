package com.kis.estimator.security.webapp;

import java.io.IOException;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.web.ProblemWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda Admin's "create the initial user" is closed in every profile. Camunda offers it to whoever opens a
 * webapp while nobody is in its {@code camunda-admin} group, and it makes the new user an administrator of the
 * engine: in production, where users come from Keycloak, any user of the realm could have done so. Who
 * administers Camunda follows from the realm's (or the embedded default's) {@code admin} role instead
 * ({@code CamundaAuthorizations}).
 * <ul>
 * <li>Its endpoints answer 403, whatever the state of the group.</li>
 * <li>At start, if the group has no member, it gets one that cannot sign in (no password, no Keycloak account),
 * so that Camunda never sends anybody to the setup page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CamundaSetupClosed {

    static final String PLACEHOLDER = "kis-administrators";
    private static final Logger log = LoggerFactory.getLogger(CamundaSetupClosed.class);

    @Bean
    FilterRegistrationBean<HttpFilter> camundaSetupClosedFilter(ProblemWriter problems,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        Pattern setup = Pattern.compile("^" + Pattern.quote(webappPath) + "/(api/admin/setup/|app/admin/[^/]+/setup/).*");
        HttpFilter refuse = new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (!setup.matcher(path).matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                problems.write(request, response, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                        "Camunda's initial-user setup is closed: administrators are the users with the admin role");
            }
        };
        var registration = new FilterRegistrationBean<>(refuse);
        registration.setName("camunda-setup-closed");
        registration.addUrlPatterns(webappPath + "/api/admin/*", webappPath + "/app/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @EventListener(ApplicationStartedEvent.class)
    void neverOfferSetup(ApplicationStartedEvent started) {
        IdentityService identity = started.getApplicationContext().getBean(IdentityService.class);
        if (identity.isReadOnly() || identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(PLACEHOLDER).count() == 0) {
            User user = identity.newUser(PLACEHOLDER);
            user.setFirstName("KIS");
            user.setLastName("administrators come from the admin role");
            identity.saveUser(user);
        }
        identity.createMembership(PLACEHOLDER, Groups.CAMUNDA_ADMIN);
        log.info("Camunda's setup page closed: {} holds the camunda-admin group; administrators are the admin role",
                PLACEHOLDER);
    }
}
