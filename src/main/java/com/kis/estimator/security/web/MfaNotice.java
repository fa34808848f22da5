package com.kis.estimator.security.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.kis.estimator.security.identity.SecurityProperties;

/** Says at start-up how callers sign in and whether approving needs a second factor, so nobody has to guess. */
@Component
class MfaNotice {

    private static final Logger log = LoggerFactory.getLogger(MfaNotice.class);

    private final SecurityProperties properties;

    MfaNotice(SecurityProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (properties.mfa().enforced()) {
            log.info("Security: callers sign in through {}; approving requires a login with a second factor",
                    properties.identity());
        } else {
            log.warn("Security: callers sign in through {}; the MFA rule is OFF (approving does not require a second "
                    + "factor). Production runs with kis.security.mfa.enforced=true", properties.identity());
        }
    }
}
