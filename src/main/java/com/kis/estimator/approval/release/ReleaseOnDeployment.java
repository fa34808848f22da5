package com.kis.estimator.approval.release;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.workflow.ModelsDeployed;

/**
 * Puts every new version of a released model ({@link ModelReleases#RELEASED_MODELS}) on the road to serving: the
 * application's own deployment at start releases itself; anyone else's waits for an administrator in Tasklist
 * ("Release a model version", the process {@code model-release} in the version that serves). At start, a model
 * without any release yet (a database from before releases existed) has its newest version released.
 */
@Component
class ReleaseOnDeployment {

    private static final Logger log = LoggerFactory.getLogger(ReleaseOnDeployment.class);

    private final ModelReleases releases;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    ReleaseOnDeployment(ModelReleases releases, RuntimeService runtime, RepositoryService repository) {
        this.releases = releases;
        this.runtime = runtime;
        this.repository = repository;
    }

    @EventListener
    void deployed(ModelsDeployed deployment) {
        var guarded = deployment.definitions().stream()
                .filter(definition -> ModelReleases.RELEASED_MODELS.contains(definition.key())).toList();
        if (deployment.bySystem()) {
            guarded.forEach(definition -> releases.release(release(definition), ModelsDeployed.SYSTEM,
                    ModelsDeployed.SYSTEM));
            return;
        }
        String resources = deployment.resourceHashes().entrySet().stream()
                .map(entry -> entry.getKey() + " sha256:" + entry.getValue()).collect(Collectors.joining("\n"));
        // Camunda keeps text variables up to 4,000 characters; the audit log has the full list
        resources = resources.length() > 3900 ? resources.substring(0, 3900) + "\n…" : resources;
        for (ModelsDeployed.Definition definition : guarded) {
            String releaseProcess = releases.serving(ModelReleases.RELEASE_PROCESS)
                    .orElseThrow(() -> new IllegalStateException("no released version of " + ModelReleases.RELEASE_PROCESS))
                    .definitionId();
            Map<String, Object> variables = new HashMap<>();
            variables.put(ReleaseVariables.DEFINITION_ID, definition.id());
            variables.put(ReleaseVariables.DEFINITION_KEY, definition.key());
            variables.put(ReleaseVariables.DEFINITION_VERSION, definition.version());
            variables.put(ReleaseVariables.DEPLOYED_BY, deployment.user());
            variables.put(ReleaseVariables.RESOURCES, resources);
            variables.put(ReleaseVariables.SERVING_VERSION, releases.serving(definition.key())
                    .map(ModelReleases.Release::version).orElse(null));
            // the application starts it, not the deployer, who may deploy but start nothing
            asApplication(() -> runtime.startProcessInstanceById(releaseProcess, definition.id(), variables));
            log.info("{} v{} deployed by {} waits for an administrator's release", definition.key(),
                    definition.version(), deployment.user());
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void releaseModelsWithoutARelease() {
        for (String key : ModelReleases.RELEASED_MODELS) {
            if (releases.serving(key).isPresent()) {
                continue;
            }
            var process = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
            var decision = process != null ? null
                    : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
            if (process != null) {
                releases.release(new ModelReleases.Release(process.getId(), key, process.getVersion()), null,
                        ModelsDeployed.SYSTEM);
            } else if (decision != null) {
                releases.release(new ModelReleases.Release(decision.getId(), key, decision.getVersion()), null,
                        ModelsDeployed.SYSTEM);
            }
        }
    }

    /** Inside the deployment's command: without the deployer's authorizations. */
    private static void asApplication(Runnable start) {
        CommandContext deployment = Context.getCommandContext();
        if (deployment == null) {
            start.run();
        } else {
            deployment.runWithoutAuthorization(() -> {
                start.run();
                return null;
            });
        }
    }

    private static ModelReleases.Release release(ModelsDeployed.Definition definition) {
        return new ModelReleases.Release(definition.id(), definition.key(), definition.version());
    }
}
