/**
 * The shared platform every feature module stands on: web conventions and RFC 7807 errors, column encryption,
 * runtime settings, the workflow engine's set-up (deployment of {@code processes/}, job locks given back when a
 * process dies), Redis behind a circuit, the embedded default (H2, embedded Redis, demo users) and observability
 * (JSON logs, trace ids, {@code kis_} metrics). Other modules use the named interfaces {@code platform.web},
 * {@code platform.persistence}, {@code platform.redis}, {@code platform.workflow}, {@code platform.live},
 * {@code platform.crypto} and {@code platform.settings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package com.kis.estimator.platform;
