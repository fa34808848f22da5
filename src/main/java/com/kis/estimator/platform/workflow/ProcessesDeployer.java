package com.kis.estimator.platform.workflow;

import java.io.ByteArrayInputStream;
import java.util.SortedMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form of the analysts' {@code processes/} folder (or, without one, of the
 * copy packaged in the application: {@link ProcessModelSource}) when the application starts.
 *
 * <p>Resources are named by their path inside the folder ({@code estimate-approval.bpmn},
 * {@code forms/approval.form}) so the names are the same on every machine, and duplicate filtering is on:
 * a restart deploys only the files that changed, and an unchanged folder creates no deployment at all. Replicas
 * starting together deploy once: Camunda takes its deployment lock (a row lock in the database) first.
 * Because a later deployment may then hold only the changed BPMN, user tasks should reference forms with
 * {@code camunda:formRef} and binding {@code latest} rather than {@code deployment:} keys.
 *
 * <p>A model that does not parse stops the start-up with Camunda's message naming file and line; running on
 * with a stale model would be worse.
 */
@Component
class ProcessesDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "kis-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessesDeployer.class);

    private final RepositoryService repository;
    private final ProcessModelSource source;

    ProcessesDeployer(RepositoryService repository, ProcessesProperties properties, ResourcePatternResolver resources) {
        this.repository = repository;
        this.source = ProcessModelSource.of(properties, resources);
    }

    @Override
    public void afterSingletonsInstantiated() {
        SortedMap<String, byte[]> models = source.read();
        if (models.isEmpty()) {
            log.warn("No BPMN, DMN or form files in {}; nothing deployed", source.describe());
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("processes/")
                .enableDuplicateFiltering(true);
        models.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
        long before = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
        Deployment result = deployment.deploy();
        boolean changed = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() > before;
        log.info("{} process resources in {}: {}", models.size(), source.describe(),
                changed ? "changes deployed as " + result.getId() : "unchanged, nothing deployed");
    }
}
