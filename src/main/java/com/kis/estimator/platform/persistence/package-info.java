/**
 * Persistence conventions shared by feature modules: {@link com.kis.estimator.platform.persistence.TrackedEntity}
 * for id, optimistic version and timestamps;
 * {@link com.kis.estimator.platform.persistence.TextSearch} for search as sales staff type it.
 */
@org.springframework.modulith.NamedInterface("persistence")
package com.kis.estimator.platform.persistence;
