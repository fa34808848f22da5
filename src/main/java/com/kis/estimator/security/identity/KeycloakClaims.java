package com.kis.estimator.security.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.kis.estimator.security.Caller;

/**
 * The claims of a Keycloak token, access or ID token alike, to a {@link Caller}: the user from
 * {@code preferred_username} (a service account's is {@code service-account-<client>}), roles from
 * {@code realm_access.roles}, teams from the {@code groups} claim, and the second factor from {@code amr} (or an
 * {@code acr} level configured as MFA).
 */
public final class KeycloakClaims {

    private KeycloakClaims() {
    }

    public static Caller caller(Map<String, Object> claims, SecurityProperties.Mfa mfa) {
        Object name = claims.get("preferred_username");
        String user = name instanceof String given ? given : String.valueOf(claims.get("sub"));
        Object realmAccess = claims.get("realm_access");
        List<String> roles = realmAccess instanceof Map<?, ?> access ? strings(access.get("roles")) : List.of();
        return Caller.of(user, roles, strings(claims.get("groups")), secondFactor(claims, mfa));
    }

    private static boolean secondFactor(Map<String, Object> claims, SecurityProperties.Mfa mfa) {
        Object acr = claims.get("acr");
        return strings(claims.get("amr")).stream().anyMatch(mfa.amrMethods()::contains)
                || (acr instanceof String level && mfa.acrValues().contains(level));
    }

    /** A claim holding a list of strings; anything else (absent, a number, a map) counts as empty. */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String single ? List.of(single) : List.of();
    }
}
