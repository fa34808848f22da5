package com.kis.estimator.platform.workflow.doors;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

import com.kis.estimator.platform.workflow.ModelsDeployed;

/**
 * Checks every deployment, whatever door it comes through (the application's own deployment of
 * {@code processes/}, Cockpit, {@code /engine-rest}), against {@link ModelAllowlist} before the engine parses
 * anything, and refuses it whole with every offending element named. A deployment that passes is reported
 * ({@link ModelsDeployed}) in its own transaction, for the audit log.
 */
final class DeploymentGuard extends CommandInterceptor {

    private static final Field BUILDER = builderField();

    private final Supplier<ModelAllowlist> allowlist;
    private final Consumer<String> deployers;
    private final Consumer<ModelsDeployed> deployed;

    /**
     * @param deployers checks a person who deploys (not the application at start): refuses by throwing
     * @param deployed  told of every deployment that created something
     */
    DeploymentGuard(Supplier<ModelAllowlist> allowlist, Consumer<String> deployers, Consumer<ModelsDeployed> deployed) {
        this.allowlist = allowlist;
        this.deployers = deployers;
        this.deployed = deployed;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!(command instanceof DeployCmd)) {
            return next.execute(command);
        }
        DeploymentBuilderImpl builder = builder(command);
        try {
            return next.execute(context -> {
                Authentication deployer = context.getAuthentication();
                if (deployer != null && deployer.getUserId() != null) {
                    deployers.accept(deployer.getUserId());
                }
                refuseWhatIsNotAllowed(builder.getDeployment().getResources());
                return deployChecked(command, builder, context);
            });
        } catch (RuntimeException refused) {
            throw EngineRefusal.translate(refused);
        }
    }

    private <T> T deployChecked(Command<T> command, DeploymentBuilderImpl builder, CommandContext context) {
        T result = command.execute(context);
        DeploymentEntity stored = builder.getDeployment();
        // with duplicate filtering an unchanged set of files deploys nothing and answers the earlier deployment
        if (result instanceof Deployment answered && stored.getId() != null && stored.getId().equals(answered.getId())) {
            Map<String, String> hashes = new TreeMap<>();
            stored.getResources().forEach((name, resource) -> hashes.put(name, sha256(resource.getBytes())));
            Authentication who = context.getAuthentication();
            deployed.accept(new ModelsDeployed(who == null || who.getUserId() == null ? ModelsDeployed.SYSTEM
                    : who.getUserId(), stored.getName() != null ? stored.getName() : stored.getId(), hashes,
                    definitions(answered)));
        }
        return result;
    }

    private static List<ModelsDeployed.Definition> definitions(Deployment deployment) {
        List<ModelsDeployed.Definition> definitions = new ArrayList<>();
        if (deployment instanceof DeploymentWithDefinitions created) {
            if (created.getDeployedProcessDefinitions() != null) {
                created.getDeployedProcessDefinitions().forEach(definition -> definitions.add(
                        new ModelsDeployed.Definition(definition.getKey(), definition.getId(), definition.getVersion())));
            }
            if (created.getDeployedDecisionDefinitions() != null) {
                created.getDeployedDecisionDefinitions().forEach(definition -> definitions.add(
                        new ModelsDeployed.Definition(definition.getKey(), definition.getId(), definition.getVersion())));
            }
        }
        return definitions;
    }

    /**
     * Before the engine parses anything: a timer start event's expression is evaluated while deploying. Resources
     * redeployed from an earlier deployment by id were checked when that one was made.
     */
    private void refuseWhatIsNotAllowed(Map<String, ResourceEntity> resources) {
        if (resources == null) {
            return;
        }
        ModelAllowlist rules = allowlist.get();
        List<ModelAllowlist.Refusal> refusals = new ArrayList<>();
        resources.forEach((name, resource) -> refusals.addAll(rules.check(name, resource.getBytes())));
        if (!refusals.isEmpty()) {
            List<String> lines = refusals.stream().map(ModelAllowlist.Refusal::toString).toList();
            throw EngineRefusal.deploymentRefused("배포할 수 없는 모델입니다: " + String.join("; ", lines),
                    "deployment refused: " + String.join("; ", lines));
        }
    }

    private static DeploymentBuilderImpl builder(Object command) {
        try {
            return (DeploymentBuilderImpl) BUILDER.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field builderField() {
        try {
            Field field = DeployCmd.class.getDeclaredField("deploymentBuilder");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // Camunda changed its command's inside: fail at start rather than deploy unchecked.
            throw new IllegalStateException("Camunda's DeployCmd has no field deploymentBuilder", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content == null ? new byte[0] : content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
