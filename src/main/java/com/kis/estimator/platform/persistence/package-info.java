/**
 * Persistence conventions shared by feature modules: {@link com.kis.estimator.platform.persistence.TrackedEntity}
 * for id, optimistic version and timestamps.
 */
@org.springframework.modulith.NamedInterface("persistence")
package com.kis.estimator.platform.persistence;
