package com.kis.estimator.ai.history;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.kis.estimator.ai.registry.ModelRegistry;
import com.kis.estimator.ai.registry.ModelTraining;
import com.kis.estimator.ai.serving.ModelServing;
import com.kis.estimator.ai.settings.AiProperties;
import com.kis.estimator.ai.training.SyntheticHistory;

/**
 * The embedded default's first model: with {@code kis.ai.synthetic-history} set and no history yet, a generated
 * history of closed estimates is stored (source {@code synthetic}, and every model trained on it says so), and a
 * first model is trained and activated, so that scores work out of the box. Runs after start-up, off the main
 * thread; until it is done, predictions answer that no model serves yet.
 */
@Component
class SyntheticStart {

    private static final Logger log = LoggerFactory.getLogger(SyntheticStart.class);

    private final AiProperties properties;
    private final TrainingData history;
    private final ModelRegistry registry;
    private final ModelTraining training;
    private final Clock clock;

    SyntheticStart(AiProperties properties, TrainingData history, ModelRegistry registry, ModelTraining training,
            Clock clock) {
        this.properties = properties;
        this.history = history;
        this.registry = registry;
        this.training = training;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (properties.syntheticHistory() <= 0 || history.count() > 0 || registry.active(ModelServing.MODEL).isPresent()) {
            return;
        }
        Thread start = new Thread(() -> {
            List<Map<String, Object>> rows = SyntheticHistory.estimates(properties.syntheticHistory(), 2026);
            Instant closed = clock.instant();
            for (Map<String, Object> row : rows) {
                Map<String, Object> features = new LinkedHashMap<>(row);
                boolean won = (boolean) features.remove("won");
                history.add("synthetic", null, null, null, features, won, closed);
            }
            ModelTraining.Candidate first = training.train("synthetic-start");
            training.activate(first.model().version(), "synthetic-start");
            log.info("AI: {} synthetic closed estimates stored (marked synthetic); model v{} trained and serving,"
                    + " held-out AUC {}", rows.size(), first.model().version(),
                    String.format("%.3f", first.evaluation().auc()));
        }, "ai-synthetic-start");
        start.setDaemon(true);
        start.start();
    }
}
