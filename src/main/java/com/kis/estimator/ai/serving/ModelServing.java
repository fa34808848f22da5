package com.kis.estimator.ai.serving;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.kis.estimator.ai.model.ModelArtifacts;
import com.kis.estimator.ai.model.ModelFile;
import com.kis.estimator.ai.registry.AnalyticsEvents;
import com.kis.estimator.ai.registry.ModelRegistry;
import com.kis.estimator.ai.registry.RegisteredModel;
import com.kis.estimator.ai.settings.AiProperties;
import com.kis.estimator.ai.training.WinModelParameters;

/**
 * Serves the ACTIVE win model. It is loaded and warmed up at start, and a newly activated model replaces it
 * without a restart. The new one is loaded, checked and warmed up before the swap, so a model that fails to
 * load never replaces one that works. Other instances see an activation on their next refresh. Without a
 * usable model, {@link #current()} is empty and callers go on without a score.
 */
@Component
public class ModelServing implements DisposableBean {

    public static final String MODEL = "win-probability";
    private static final Logger log = LoggerFactory.getLogger(ModelServing.class);

    private final ModelRegistry registry;
    private final ModelArtifacts artifacts;
    private final AnalyticsEvents events;
    private final AiProperties properties;
    private final AtomicReference<ServedModel> served = new AtomicReference<>();

    ModelServing(ModelRegistry registry, ModelArtifacts artifacts, AnalyticsEvents events, AiProperties properties) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.events = events;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadActive() {
        refresh();
    }

    /** Loads the registry's ACTIVE model if it is not the one served. */
    @Scheduled(fixedDelayString = "${kis.ai.refresh:15s}", initialDelayString = "${kis.ai.refresh:15s}")
    public void refresh() {
        Optional<RegisteredModel> active = registry.active(MODEL);
        ServedModel current = served.get();
        if (active.isEmpty() || current != null && current.file().version() == active.get().version()) {
            return;
        }
        try {
            swapIn(active.get());
        } catch (ModelUnusable e) {
            log.error("Win model v{} cannot be served, {}: {}", active.get().version(),
                    current == null ? "no model serves" : "v" + current.file().version() + " keeps serving",
                    e.getMessage());
            events.record("MODEL_REFUSED", MODEL + " v" + active.get().version(), e.getMessage(), "system");
        }
    }

    /**
     * Loads {@code model}, checks its checksum, warms it up, and only then serves it in place of the current one.
     *
     * @throws ModelUnusable when the artifact is damaged or TensorFlow refuses it; the current model keeps
     *         serving
     */
    public void swapIn(RegisteredModel model) {
        ModelFile file = artifacts.read(Path.of(model.artifactPath()), model.checksum());
        DjlWinModel graph = DjlWinModel.load(Path.of(model.artifactPath()), properties.predictors(),
                file.schema().size());
        ServedModel next = new ServedModel(file, ModelArtifacts.parameters(file), graph);
        ServedModel previous = served.getAndSet(next);
        if (previous != null) {
            previous.retire();
        }
        log.info("Win model v{} serving (held-out AUC {})", file.version(),
                String.format("%.3f", file.evaluation().auc()));
        events.record("MODEL_SERVING", MODEL + " v" + file.version(), model.artifactPath(), "system");
    }

    /**
     * Runs {@code use} with the model being served, held for the duration; empty without one.
     */
    public <T> Optional<T> withModel(Function<Model, T> use) {
        while (true) {
            ServedModel model = served.get();
            if (model == null) {
                return Optional.empty();
            }
            if (model.acquire()) {
                try {
                    return Optional.ofNullable(use.apply(new Model(model.file(), model.parameters(), model.graph())));
                } finally {
                    model.release();
                }
            }
        }
    }

    /** What a caller may use while holding the model. */
    public record Model(ModelFile file, WinModelParameters parameters, DjlWinModel graph) {
    }

    public Optional<Integer> currentVersion() {
        ServedModel model = served.get();
        return model == null ? Optional.empty() : Optional.of(model.file().version());
    }

    @Override
    public void destroy() {
        ServedModel model = served.getAndSet(null);
        if (model != null) {
            model.retire();
        }
    }
}
