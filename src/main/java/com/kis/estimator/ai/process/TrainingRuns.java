package com.kis.estimator.ai.process;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.redis.RedisCircuit;

/**
 * One training of the win model at a time. Two trainings at once would both take the next version number and
 * one would fail on it; a second candidate while the first waits for an analyst would only confuse the
 * approval. The rule holds in two places: a request through the API is answered with the run already going,
 * and the process itself ({@link TrainingSteps#train}) ends a run that is not the oldest unfinished one at
 * "No model trained", whoever started it (the schedule, Tasklist, Cockpit, the engine's REST API).
 */
@Component
public class TrainingRuns {

    static final String PROCESS = "model-training";
    private static final String START_LOCK = "kis:ai:training-start";

    /** A training that has not ended, and where it stands ("Train and evaluate a candidate", "Approve model"). */
    public record Running(String processInstanceId, Instant startedAt, String requestedBy, String activity) {
    }

    /** What a request to train got: the run it started, or the one already going. */
    public sealed interface Request permits Started, AlreadyRunning {
    }

    public record Started(String processInstanceId) implements Request {
    }

    public record AlreadyRunning(Running running) implements Request {
    }

    /** The start lock could not be taken: Redis does not answer, or another start holds it for long. */
    public static class StartUnavailable extends RuntimeException {
        StartUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RedissonClient redis;
    private final RedisCircuit circuit;

    TrainingRuns(RuntimeService runtime, HistoryService history, RedissonClient redis, RedisCircuit circuit) {
        this.runtime = runtime;
        this.history = history;
        this.redis = redis;
        this.circuit = circuit;
    }

    /** The oldest training that has not ended, if any. */
    public Optional<Running> running() {
        return oldestUnfinished().map(this::describe);
    }

    /**
     * Starts a training unless one is running. Checking and starting hold a lock across replicas, so two
     * requests at the same moment cannot both start one.
     */
    public Request request(String requestedBy, String reason, boolean approval) {
        if (circuit.isOpen()) {
            throw new StartUnavailable("Redis does not answer; no training was started", null);
        }
        RLock lock = redis.getLock(START_LOCK);
        boolean locked;
        try {
            locked = lock.tryLock(5, 30, TimeUnit.SECONDS);
        } catch (RedisException e) {
            throw new StartUnavailable("Redis does not answer; no training was started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartUnavailable("interrupted while waiting to start a training", e);
        }
        if (!locked) {
            throw new StartUnavailable("another request is starting a training", null);
        }
        try {
            Optional<Running> going = running();
            if (going.isPresent()) {
                return new AlreadyRunning(going.get());
            }
            String started = runtime.createMessageCorrelation("ModelTrainingRequested")
                    .setVariable("requestedBy", requestedBy)
                    .setVariable("reason", reason)
                    .setVariable("approvalRequested", approval)
                    .correlateStartMessage().getId();
            return new Started(started);
        } finally {
            try {
                lock.unlock();
            } catch (RedisException e) {
                // the lease frees it; the training has started and is committed
            }
        }
    }

    /** The oldest unfinished training other than {@code processInstanceId}, if it started before it. */
    Optional<Running> runningBefore(String processInstanceId) {
        return oldestUnfinished().filter(oldest -> !oldest.getId().equals(processInstanceId)).map(this::describe);
    }

    private Optional<HistoricProcessInstance> oldestUnfinished() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).unfinished()
                .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc()
                .listPage(0, 1).stream().findFirst();
    }

    private Running describe(HistoricProcessInstance instance) {
        Object requestedBy = runtime.getVariable(instance.getId(), "requestedBy");
        return new Running(instance.getId(), instance.getStartTime().toInstant(),
                requestedBy == null ? null : requestedBy.toString(), whereItStands(instance.getId()));
    }

    /** The step it is in or waits for; a step that runs asynchronously is a transition until a job takes it. */
    private String whereItStands(String processInstanceId) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        if (tree == null) {
            return null;
        }
        return Stream.concat(Arrays.stream(tree.getChildActivityInstances()).map(ActivityInstance::getActivityName),
                        Arrays.stream(tree.getChildTransitionInstances()).map(TransitionInstance::getActivityName))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
