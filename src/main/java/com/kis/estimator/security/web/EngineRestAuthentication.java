package com.kis.estimator.security.web;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import com.kis.estimator.security.Caller;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /engine-rest} is never anonymous: it can start, complete and delete anything in the engine. It sits in
 * the API's security chain (a Keycloak token in production, HTTP Basic against Camunda's identity in the
 * embedded default); this filter then hands the signed-in caller and its groups to the engine, so that Camunda's
 * authorizations (on in production) decide what the caller may do there.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
            @Value("${spring.jersey.application-path:/engine-rest}") String engineRestPath) {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns(engineRestPath + "/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SignedInCaller.class.getName());
        // After Spring Security's filter chain, which has authenticated the caller by then.
        registration.setOrder(1);
        return registration;
    }

    /** The caller Spring Security authenticated, with its roles and teams as Camunda groups. */
    public static class SignedInCaller implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            if (SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Caller caller) {
                AuthenticationResult result = AuthenticationResult.successful(caller.id());
                result.setGroups(List.copyOf(caller.groups()));
                return result;
            }
            return AuthenticationResult.unsuccessful();
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // The security chain has answered unauthenticated callers already; nothing reaches here without one.
        }
    }
}
