package com.kis.estimator.security.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.kis.estimator.security.AccessDenied;

import jakarta.servlet.http.HttpServletRequest;

/** Reports every refusal: a log line for operations and an {@link AccessDenied} event for the audit log. */
@Component
class SecurityDecisions {

    private static final Logger log = LoggerFactory.getLogger(SecurityDecisions.class);

    private final ApplicationEventPublisher events;

    SecurityDecisions(ApplicationEventPublisher events) {
        this.events = events;
    }

    void denied(HttpServletRequest request, String user, String permission, String reason) {
        AccessDenied denied = new AccessDenied(user, request.getMethod() + " " + request.getRequestURI(), permission,
                reason, request.getRemoteAddr());
        log.info("Access denied: {} {} user={} needs={} ({})", request.getMethod(), request.getRequestURI(), user,
                permission, reason);
        events.publishEvent(denied);
    }
}
