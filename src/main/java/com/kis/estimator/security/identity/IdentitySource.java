package com.kis.estimator.security.identity;

/** Where callers are authenticated. */
public enum IdentitySource {
    /** Camunda's own identity service with HTTP Basic on the API: the embedded default and its demo users. */
    CAMUNDA,
    /** Keycloak: bearer tokens on the API, OIDC login on the webapps. Production. */
    KEYCLOAK
}
