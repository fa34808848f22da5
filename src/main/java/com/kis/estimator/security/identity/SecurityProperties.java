package com.kis.estimator.security.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kis.security.*}: where callers come from and whether approving needs a second factor.
 *
 * @param identity   CAMUNDA (embedded default) or KEYCLOAK (prod)
 * @param mfa        the second-factor rule for permissions that need it
 * @param tokenClockSkew how far a token's expiry may lie in the past (clocks of Keycloak and this server differ)
 * @param jwkSetUri  where to fetch the realm's signing keys, if not from the issuer's discovery document
 * @param verifiedTokens how many checked tokens to remember until they expire; 0 checks every request's token
 *                   afresh
 */
@ConfigurationProperties("kis.security")
public record SecurityProperties(@DefaultValue("CAMUNDA") IdentitySource identity, @DefaultValue Mfa mfa,
        @DefaultValue("30s") Duration tokenClockSkew, String jwkSetUri, @DefaultValue("10000") int verifiedTokens) {

    /**
     * @param enforced     refuse MFA-only actions (approving) without a second factor; off for HTTP Basic logins,
     *                     which cannot carry one
     * @param amrMethods   {@code amr} values that prove a second factor
     * @param acrValues    {@code acr} values that prove it (a Keycloak level of authentication mapped to one)
     */
    public record Mfa(@DefaultValue("false") boolean enforced, @DefaultValue({"otp", "mfa", "hwk"}) List<String> amrMethods,
            @DefaultValue("mfa") List<String> acrValues) {
    }
}
