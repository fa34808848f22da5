package com.kis.estimator.platform.workflow;

import java.util.List;
import java.util.Map;

/**
 * A deployment of models passed the engine's checks and is being stored: who deployed it (the signed-in user of
 * Cockpit or {@code /engine-rest}, {@code system} for the application's own deployment of {@code processes/}),
 * the deployment's name (its id if it has none), each resource with the SHA-256 of its content, and the process and decision definitions it created. Published
 * inside the deployment's transaction.
 */
public record ModelsDeployed(String user, String deploymentName, Map<String, String> resourceHashes,
        List<Definition> definitions) {

    /** The application's own deployment at start, as opposed to a person's. */
    public static final String SYSTEM = "system";

    /** A process or decision definition the deployment created: its key, id and version. */
    public record Definition(String key, String id, int version) {
    }

    public ModelsDeployed {
        resourceHashes = Map.copyOf(resourceHashes);
        definitions = List.copyOf(definitions);
    }

    public boolean bySystem() {
        return SYSTEM.equals(user);
    }
}
