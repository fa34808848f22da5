package com.kis.estimator.security.identity;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production signs callers in through Keycloak only: HTTP Basic against Camunda's identity cannot carry a
 * second factor and is the embedded default's way in. The {@code prod} profile refuses to start with it.
 */
@Component
@Profile("prod")
class ProdIdentityGuard implements SmartInitializingSingleton {

    private final SecurityProperties properties;

    ProdIdentityGuard(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.identity() != IdentitySource.KEYCLOAK) {
            throw new IllegalStateException("kis.security.identity=" + properties.identity()
                    + " is not allowed with the prod profile: production callers sign in through Keycloak");
        }
        if (!properties.mfa().enforced()) {
            throw new IllegalStateException("kis.security.mfa.enforced=false is not allowed with the prod profile");
        }
    }
}
