package com.kis.estimator.platform.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form under {@code processes/} when the application starts.
 *
 * <p>Resources are named by their path inside the folder ({@code estimate-approval.bpmn},
 * {@code forms/approval.form}) so the names are the same on every machine, and duplicate filtering is on:
 * a restart deploys only the files that changed, and an unchanged folder creates no deployment at all.
 * Because a later deployment may then hold only the changed BPMN, user tasks should reference forms with
 * {@code camunda:formRef} and binding {@code latest} rather than {@code deployment:} keys.
 *
 * <p>A model that does not parse stops the start-up with Camunda's message naming file and line; running on
 * with a stale model would be worse.
 */
@Component
class ProcessesDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "kis-processes";
    private static final Set<String> DEPLOYABLE = Set.of(".bpmn", ".dmn", ".form");
    private static final Logger log = LoggerFactory.getLogger(ProcessesDeployer.class);

    private final RepositoryService repository;
    private final Path directory;

    ProcessesDeployer(RepositoryService repository, ProcessesProperties properties) {
        this.repository = repository;
        this.directory = properties.directory().toAbsolutePath().normalize();
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Path> files = deployableFiles();
        if (files.isEmpty()) {
            log.warn("No BPMN, DMN or form files under {}; nothing deployed", directory);
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("processes/")
                .enableDuplicateFiltering(true);
        files.forEach(file -> deployment.addInputStream(resourceName(file), new ByteArrayInputStream(read(file))));
        long before = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
        Deployment result = deployment.deploy();
        boolean changed = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() > before;
        log.info("{} process resources in {}: {}", files.size(), directory,
                changed ? "changes deployed as " + result.getId() : "unchanged, nothing deployed");
    }

    List<Path> deployableFiles() {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("Process folder " + directory
                    + " does not exist: start the application from the project root or set KIS_PROCESSES_DIRECTORY");
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(ProcessesDeployer::isDeployable).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read process folder " + directory, e);
        }
    }

    private String resourceName(Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isDeployable(Path file) {
        String name = file.getFileName().toString();
        return DEPLOYABLE.stream().anyMatch(name::endsWith);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
