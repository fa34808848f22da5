package com.kis.estimator.security.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kis.security.web-ui.*}: the Keycloak client the sales web UI signs in with, through the server (ADR 0010).
 *
 * @param clientId     the confidential client ({@code kis-web})
 * @param clientSecret its secret (from the environment; the realm file's is test-only)
 */
@ConfigurationProperties("kis.security.web-ui")
public record WebUiLoginProperties(String clientId, String clientSecret) {
}
