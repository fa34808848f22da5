package com.kis.estimator.security.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kis.security.webapp.*}: the Keycloak client the Camunda webapps sign in with (authorization code flow).
 *
 * @param clientId      the confidential client ({@code kis-camunda})
 * @param clientSecret  its secret (from the environment; the realm file's is test-only)
 * @param serverUrl     where this server reaches Keycloak for tokens and keys, when it differs from the issuer's
 *                      public address (docker-compose); empty means the issuer
 */
@ConfigurationProperties("kis.security.webapp")
public record WebappLoginProperties(String clientId, String clientSecret, String serverUrl) {
}
