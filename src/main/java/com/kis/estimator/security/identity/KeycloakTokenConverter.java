package com.kis.estimator.security.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import com.kis.estimator.security.Caller;

/**
 * A Keycloak access token to a {@link Caller}: the user from {@code preferred_username} (a service account's
 * is {@code service-account-<client>}), roles from {@code realm_access.roles}, teams from the {@code groups}
 * claim, and the second factor from {@code amr} (or an {@code acr} level configured as MFA).
 */
class KeycloakTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Mfa mfa;

    KeycloakTokenConverter(SecurityProperties.Mfa mfa) {
        this.mfa = mfa;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        Caller caller = Caller.of(user, realmRoles(jwt), strings(jwt.getClaim("groups")), secondFactor(jwt));
        return new CallerAuthentication(caller, jwt);
    }

    private boolean secondFactor(Jwt jwt) {
        List<String> amr = strings(jwt.getClaim("amr"));
        String acr = jwt.getClaimAsString("acr");
        return amr.stream().anyMatch(mfa.amrMethods()::contains) || (acr != null && mfa.acrValues().contains(acr));
    }

    private static List<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaim("realm_access");
        return realmAccess instanceof Map<?, ?> access ? strings(access.get("roles")) : List.of();
    }

    /** A claim holding a list of strings; anything else (absent, a number, a map) counts as empty. */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String single ? List.of(single) : List.of();
    }
}
