package com.kis.estimator.platform.workflow;

/**
 * A rule a person must meet to deploy models, beyond Camunda's authorization to create deployments (for example
 * a login with a second factor in production). Not asked for the application's own deployment at start.
 */
@FunctionalInterface
public interface DeployerCheck {

    /** @throws RuntimeException (a {@code ApiProblemException} with its status) when the user may not deploy now */
    void check(String userId);
}
