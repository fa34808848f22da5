package com.kis.estimator.security.identity;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/** How API callers prove who they are, for the identity source configured. */
public sealed interface ApiAuthentication {

    void apply(HttpSecurity http, AuthenticationEntryPoint unauthenticated) throws Exception;

    /** The {@code WWW-Authenticate} challenge of a 401. */
    String challenge();

    /** One sentence for the 401's detail. */
    String howToSignIn();

    /**
     * Checks a user name and password where the identity source holds passwords (Camunda's, on the embedded
     * default): the web UI's sign-in page. Empty where users sign in at Keycloak.
     */
    Optional<AuthenticationManager> passwords();

    static ApiAuthentication of(SecurityProperties properties, IdentityService identity) {
        return switch (properties.identity()) {
            case CAMUNDA -> new Basic(identity);
            case KEYCLOAK -> new Bearer(properties.mfa());
        };
    }

    record Basic(IdentityService identity) implements ApiAuthentication {
        @Override
        public void apply(HttpSecurity http, AuthenticationEntryPoint unauthenticated) throws Exception {
            http.authenticationManager(passwords().orElseThrow())
                    .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }

        @Override
        public Optional<AuthenticationManager> passwords() {
            return Optional.of(new ProviderManager(new CamundaIdentityAuthentication(identity)));
        }

        @Override
        public String challenge() {
            return "Basic realm=\"kis\"";
        }

        @Override
        public String howToSignIn() {
            return "send HTTP Basic credentials of a user in Camunda's identity";
        }
    }

    record Bearer(SecurityProperties.Mfa mfa) implements ApiAuthentication {
        @Override
        public void apply(HttpSecurity http, AuthenticationEntryPoint unauthenticated) throws Exception {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakTokenConverter(mfa))));
        }

        @Override
        public String challenge() {
            return "Bearer realm=\"kis\"";
        }

        @Override
        public String howToSignIn() {
            return "send a valid Keycloak access token as 'Authorization: Bearer …'";
        }

        @Override
        public Optional<AuthenticationManager> passwords() {
            return Optional.empty();
        }
    }
}
