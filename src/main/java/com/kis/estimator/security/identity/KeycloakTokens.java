package com.kis.estimator.security.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How a Keycloak access token is checked: signature against the realm's JWKS (RS256 only, so {@code alg: none}
 * and HMAC tricks fail), issuer, audience {@code kis-api}, and expiry with a small clock skew
 * ({@code kis.security.token-clock-skew}, 30 s by default rather than Spring's 60 s: tokens live 5 minutes).
 * The realm's keys are fetched on first use, so the application starts while Keycloak is still starting; from the
 * issuer's discovery document, or from {@code jwk-set-uri} where the issuer's public name is not reachable from
 * the server (docker-compose). Tokens that passed are remembered until they expire ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kis.security.identity", havingValue = "KEYCLOAK")
class KeycloakTokens {

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        String issuer = jwt.getIssuerUri();
        List<String> audiences = jwt.getAudiences();
        String jwkSetUri = properties.jwkSetUri();
        Duration skew = properties.tokenClockSkew();
        JwtDecoder verifier = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = jwkSetUri == null || jwkSetUri.isBlank()
                    ? (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer)
                    : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator(validator(issuer, audiences, skew));
            return decoder;
        });
        // The expiry check (JwtTimestampValidator) reads the system clock, so the cache does too.
        return properties.verifiedTokens() > 0
                ? new VerifiedTokens(verifier, properties.verifiedTokens(), skew, Clock.systemUTC())
                : verifier;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, Duration skew) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains));
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(skew), new JwtIssuerValidator(issuer),
                audience);
    }
}
