package com.kis.estimator.platform.demo;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.annotation.Autowired;
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
    /** Camunda's, once its engine is built (it makes the password manager then). */
    private final Supplier<PasswordManager> passwords;

    @Autowired
    ProdDemoGuard(DemoProperties demo, IdentityService identity, ProcessEngineConfigurationImpl engine) {
        this(demo, identity, engine::getPasswordManager);
    }

    ProdDemoGuard(DemoProperties demo, IdentityService identity, Supplier<PasswordManager> passwords) {
        this.demo = demo;
        this.identity = identity;
        this.passwords = passwords;
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
                .filter(this::hasItsNameAsPassword)
                .map(User::getId)
                .toList();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the prod profile: demo accounts " + exposed
                    + " exist with their public demo password; delete them or change their passwords");
        }
    }

    /**
     * Compares with the stored hash, as Camunda's sign-in does, but is no sign-in: {@code checkPassword} counts a
     * wrong guess as a failed attempt, so each start slowed the next sign-in of every such user down further.
     */
    private boolean hasItsNameAsPassword(User user) {
        String salted = EncryptionUtil.saltPassword(user.getId(), ((UserEntity) user).getSalt());
        return passwords.get().check(salted, user.getPassword());
    }
}
