package com.kis.estimator.security.webapp;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The web UI's sign-in survives a sign-in at Camunda's own login page (the embedded default). Camunda guards
 * against session fixation by ending the session and starting a new one that carries only its own sign-ins, so a
 * salesperson who followed a review link from the UI into Tasklist found the UI signed out on coming back. Here the
 * UI's sign-in moves into the new session as well: the session id still changes (the fixation is still
 * prevented); what moves is what Spring Security's own sign-in keeps when it changes the id.
 */
@Configuration(proxyBeanMethods = false)
class UiSessionKeptAtWebappLogin {

    private static final String UI_SIGN_IN = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    @Bean
    FilterRegistrationBean<HttpFilter> uiSessionKeptAtWebappLoginFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        Pattern login = Pattern.compile("^" + Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+$");
        HttpFilter keep = new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                HttpSession before = request.getSession(false);
                Object signedIn = before == null || !login.matcher(path).matches() ? null
                        : before.getAttribute(UI_SIGN_IN);
                chain.doFilter(request, response);
                HttpSession after = request.getSession(false);
                if (signedIn != null && after != null && after.getAttribute(UI_SIGN_IN) == null) {
                    after.setAttribute(UI_SIGN_IN, signedIn);
                }
            }
        };
        var registration = new FilterRegistrationBean<>(keep);
        registration.setName("kis-ui-session-kept-at-webapp-login");
        registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
        return registration;
    }
}
