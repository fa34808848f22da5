package com.kis.estimator.security.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers tokens that passed every check, until they expire. A client sends the same access token with every
 * request for its lifetime (5 minutes in the realm); checking its RS256 signature and parsing its claims again
 * each time was a tenth of the CPU of creating an estimate (docs/benchmarks.md).
 *
 * <p>What is remembered is exactly what the wrapped decoder accepted: a token is only stored after it passed,
 * and leaves the cache when it would fail the expiry check ({@code exp} plus the allowed clock skew). Tokens that
 * fail are never stored, so a forged one is checked every time. As without the cache, a token stays valid
 * until it expires even if the user logs out or the realm rotates its keys.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, int maximumSize, Duration clockSkew, Clock clock) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, clockSkew, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How long the token stays acceptable from now: to its expiry plus the skew the expiry check allows. */
    private static Duration lifetime(Jwt jwt, Duration clockSkew, Clock clock) {
        Duration left = Duration.between(Instant.now(clock), jwt.getExpiresAt().plus(clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
