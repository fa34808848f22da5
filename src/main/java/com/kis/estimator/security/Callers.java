package com.kis.estimator.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import com.kis.estimator.security.identity.KeycloakClaims;
import com.kis.estimator.security.identity.SecurityProperties;

/**
 * The caller of the current request, through whichever door it came: the API and {@code /engine-rest} (a
 * Keycloak access token or HTTP Basic) and, in production, Camunda's webapps (a Keycloak login whose ID token
 * says whether a second factor was used). For object-level checks in the modules and the rules the engine
 * applies to task completions.
 */
@Component
public class Callers {

    private final SecurityProperties.Mfa mfa;

    Callers(SecurityProperties properties) {
        this.mfa = properties.mfa();
    }

    /** Empty outside a request or for an unauthenticated one (jobs, process steps, start-up). */
    public Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        if (authentication.getPrincipal() instanceof OidcUser webappUser) {
            return Optional.of(KeycloakClaims.caller(webappUser.getClaims(), mfa));
        }
        return Optional.empty();
    }

    /**
     * Who completes a task: the caller of this request, or else the user Camunda's own login signed in (the
     * embedded default's webapps), with the groups Camunda knows; such a login never carries a second factor.
     */
    public Caller completing(String userId, Collection<String> camundaGroups) {
        return current().filter(caller -> caller.id().equals(userId))
                .orElseGet(() -> Caller.of(userId, List.of(), camundaGroups == null ? List.of() : camundaGroups, false));
    }

    /** Whether permissions that need a second factor refuse a login without one (always in production). */
    public boolean secondFactorEnforced() {
        return mfa.enforced();
    }
}
