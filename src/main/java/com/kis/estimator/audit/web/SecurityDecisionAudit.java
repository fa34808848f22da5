package com.kis.estimator.audit.web;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.security.AccessDenied;

/** Every refused request leaves an audit row, committed on its own: the refused request itself changes nothing. */
@Component
class SecurityDecisionAudit {

    private final AuditTrail trail;

    SecurityDecisionAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void denied(AccessDenied denied) {
        trail.recordSeparately(denied.user(), "access.denied", denied.request(), "denied:" + denied.reason(),
                "needs " + denied.permission());
    }
}
