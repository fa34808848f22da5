package com.kis.estimator.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock();
    private final RecordingVerifier verifier = new RecordingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, 100, SKEW, clock);

    @Test
    void aVerifiedTokenIsCheckedOnceUntilItExpires() {
        verifier.accept("t1", NOW.plusSeconds(300));

        Jwt first = tokens.decode("t1");
        clock.advance(Duration.ofSeconds(329));
        Jwt again = tokens.decode("t1");

        assertThat(again).isSameAs(first);
        assertThat(verifier.checked).containsExactly("t1");
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefusedAsTheVerifierRefusesIt() {
        verifier.accept("t1", NOW.plusSeconds(300));
        tokens.decode("t1");

        clock.advance(Duration.ofSeconds(331));
        verifier.refuse("t1");

        assertThatThrownBy(() -> tokens.decode("t1")).isInstanceOf(JwtValidationException.class);
        assertThat(verifier.checked).containsExactly("t1", "t1");
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        verifier.refuse("forged");

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(JwtValidationException.class);
        assertThat(verifier.checked).containsExactly("forged", "forged");
    }

    @Test
    void aTokenWithoutExpiryIsCheckedEveryTime() {
        verifier.accept("endless", null);

        tokens.decode("endless");
        tokens.decode("endless");

        assertThat(verifier.checked).containsExactly("endless", "endless");
    }

    @Test
    void eachTokenIsRememberedOnItsOwn() {
        verifier.accept("t1", NOW.plusSeconds(300));
        verifier.accept("t2", NOW.plusSeconds(60));

        assertThat(tokens.decode("t1").getSubject()).isEqualTo("t1");
        assertThat(tokens.decode("t2").getSubject()).isEqualTo("t2");
        clock.advance(Duration.ofSeconds(120));
        tokens.decode("t1");
        tokens.decode("t2");

        assertThat(verifier.checked).containsExactly("t1", "t2", "t2");
    }

    /** Stands in for the signature and claim checks: accepts or refuses each token as told, and records calls. */
    private final class RecordingVerifier implements JwtDecoder {

        private final java.util.Map<String, Instant> accepted = new java.util.HashMap<>();
        private final List<String> checked = new ArrayList<>();

        void accept(String token, Instant expiresAt) {
            accepted.put(token, expiresAt);
        }

        void refuse(String token) {
            accepted.remove(token);
        }

        @Override
        public Jwt decode(String token) {
            checked.add(token);
            if (!accepted.containsKey(token)) {
                throw new JwtValidationException("refused", List.of(new OAuth2Error("invalid_token")));
            }
            Instant expiresAt = accepted.get(token);
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                    .issuedAt(NOW);
            return expiresAt == null ? jwt.build() : jwt.expiresAt(expiresAt).build();
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = NOW;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
