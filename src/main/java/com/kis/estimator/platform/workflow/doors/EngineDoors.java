package com.kis.estimator.platform.workflow.doors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.workflow.DeployerCheck;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * The rules every door into the engine obeys, installed into the engine itself so that Tasklist, Cockpit and
 * {@code /engine-rest} meet them as the API does (docs/security.md, "Camunda's doors"):
 * <ul>
 * <li>deployments are checked against {@link ModelAllowlist}, and whoever deploys against the
 * {@link DeployerCheck}s ({@link DeploymentGuard});</li>
 * <li>task completions from outside carry only their form's fields ({@link CompletionGuard});</li>
 * <li>a candidate of a task may work on it (claim, complete), not change it or its variables
 * ({@code TASK_WORK} instead of Camunda's default {@code UPDATE});</li>
 * <li>Spin and Java deserialization only of the types Camunda allows by default.</li>
 * </ul>
 */
@Component
class EngineDoors implements ProcessEnginePlugin {

    private static final String APPLICATION_PACKAGE = "com.kis.estimator.";

    private final ListableBeanFactory beans;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<DeployerCheck> deployerChecks;

    EngineDoors(ListableBeanFactory beans, ApplicationEventPublisher events, ObjectProvider<DeployerCheck> deployerChecks) {
        this.beans = beans;
        this.events = events;
        this.deployerChecks = deployerChecks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new DeploymentGuard(allowlist(),
                user -> deployerChecks.orderedStream().forEach(check -> check.check(user)), events::publishEvent));
        interceptors.add(new CompletionGuard(new CompletionRules()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        configuration.setDeserializationTypeValidationEnabled(true);
    }

    /** The beans offered to models, looked up at the first deployment, when every bean is defined. */
    private Supplier<ModelAllowlist> allowlist() {
        return new Supplier<>() {
            private volatile ModelAllowlist allowlist;

            @Override
            public ModelAllowlist get() {
                if (allowlist == null) {
                    allowlist = new ModelAllowlist(Set.of(beans.getBeanNamesForAnnotation(ProcessApi.class)),
                            APPLICATION_PACKAGE);
                }
                return allowlist;
            }
        };
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // nothing after the engine's own set-up
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        // nothing once the engine runs
    }
}
