package com.kis.estimator.platform.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production must never run with the demo users: their passwords are public. The {@code prod} profile refuses
 * to start when demo seeding is switched on, or when the identity store still holds a demo account whose
 * password is its user name (for example a database first started in demo mode).
 */
@Component
@Profile("prod")
class ProdDemoGuard implements SmartInitializingSingleton {

    private final DemoProperties demo;
    private final IdentityService identity;

    ProdDemoGuard(DemoProperties demo, IdentityService identity) {
        this.demo = demo;
        this.identity = identity;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demo.enabled()) {
            throw new IllegalStateException("kis.demo.enabled=true is not allowed with the prod profile");
        }
        List<String> ids = DemoAccount.ALL.stream().map(DemoAccount::id).toList();
        List<String> exposed = identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list().stream()
                // a user Keycloak's sign-in mirrored into Camunda's identity has no password (and Camunda's check
                // fails on one without): nobody can sign in as it with a password
                .filter(user -> user.getPassword() != null)
                .map(user -> user.getId())
                .filter(id -> identity.checkPassword(id, id))
                .toList();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the prod profile: demo accounts " + exposed
                    + " exist with their public demo password; delete them or change their passwords");
        }
    }
}
