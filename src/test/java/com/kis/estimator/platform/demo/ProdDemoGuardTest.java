package com.kis.estimator.platform.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.ShaHashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/**
 * The production start's check for demo accounts: a demo user with its public password stops the start; a user
 * that Keycloak's sign-in mirrored into Camunda's identity (no password) does not, nor does it break the check
 * (found by the Tasklist drill: a replica restarted after an approver had used Tasklist did not start).
 */
class ProdDemoGuardTest {

    private final IdentityService identity = mock(IdentityService.class);
    private final PasswordManager passwords = new PasswordManager(new ShaHashDigest(), List.of());

    @Test
    void aUserMirroredFromKeycloakWithoutAPasswordLetsTheServerStart() {
        users(user("approver1", null));

        assertThatCode(() -> guard().afterSingletonsInstantiated()).doesNotThrowAnyException();
        verify(identity, never()).checkPassword(anyString(), anyString());
    }

    @Test
    void aDemoAccountWithItsPublicPasswordStopsTheStartAndIsNamed() {
        users(user("approver1", null), user("sales1", "sales1"), user("sales2", "a-real-secret"));

        assertThatThrownBy(() -> guard().afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[sales1]");
        // compared with the hash, not signed in: a wrong guess would count as a failed sign-in and slow the next
        verify(identity, never()).checkPassword(anyString(), anyString());
    }

    private ProdDemoGuard guard() {
        return new ProdDemoGuard(new DemoProperties(false), identity, () -> passwords);
    }

    private void users(UserEntity... users) {
        UserQuery query = mock(UserQuery.class, RETURNS_SELF);
        when(identity.createUserQuery()).thenReturn(query);
        when(query.userIdIn(any(String[].class))).thenReturn(query);
        when(query.list()).thenReturn(List.of(users));
    }

    /** A user as Camunda stores it: the password salted and hashed; none for one mirrored from Keycloak. */
    private UserEntity user(String id, String password) {
        UserEntity user = new UserEntity(id);
        user.setSalt("salt-of-" + id);
        user.setDbPassword(password == null ? null
                : passwords.encrypt(EncryptionUtil.saltPassword(password, user.getSalt())));
        return user;
    }
}
