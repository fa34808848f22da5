/**
 * Who may do what. {@link com.kis.estimator.security.Role} is the policy table: each role and the
 * {@link com.kis.estimator.security.Permission}s it grants. Controllers declare the permission an endpoint needs
 * with {@link com.kis.estimator.security.RequiresPermission}; modules ask {@link com.kis.estimator.security.Callers}
 * who is calling for object-level checks. Callers are authenticated by Keycloak tokens in production and by
 * Camunda's identity (HTTP Basic, the demo users) in the embedded default; both end in the same
 * {@link com.kis.estimator.security.Caller}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.kis.estimator.security;
