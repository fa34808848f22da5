package com.kis.estimator.security.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A Keycloak access token to a {@link com.kis.estimator.security.Caller}, as {@link KeycloakClaims} reads it.
 */
class KeycloakTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Mfa mfa;

    KeycloakTokenConverter(SecurityProperties.Mfa mfa) {
        this.mfa = mfa;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new CallerAuthentication(KeycloakClaims.caller(jwt.getClaims(), mfa), jwt);
    }
}
