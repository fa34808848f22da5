/**
 * The shared platform every feature module stands on: web conventions and RFC 7807 errors, the workflow
 * engine's set-up (deployment of {@code processes/}, engine REST authentication), the embedded default
 * (H2, embedded Redis, demo users) and observability (JSON logs, trace ids, {@code kis_} metrics).
 * Only {@code platform.web} is meant to be used by other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package com.kis.estimator.platform;
