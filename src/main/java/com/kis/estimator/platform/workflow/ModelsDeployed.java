package com.kis.estimator.platform.workflow;

import java.util.Map;

/**
 * A deployment of models passed the engine's checks and is being stored: who deployed it (the signed-in user of
 * Cockpit or {@code /engine-rest}, {@code system} for the application's own deployment of {@code processes/})
 * and each resource with the SHA-256 of its content. Published inside the deployment's transaction.
 */
public record ModelsDeployed(String user, String deploymentName, Map<String, String> resourceHashes) {

    public ModelsDeployed {
        resourceHashes = Map.copyOf(resourceHashes);
    }
}
