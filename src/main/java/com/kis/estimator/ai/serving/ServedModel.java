package com.kis.estimator.ai.serving;

import java.util.concurrent.atomic.AtomicInteger;

import com.kis.estimator.ai.model.ModelFile;
import com.kis.estimator.ai.training.WinModelParameters;

/**
 * A model in service: its description, its parameters (for contributions) and its TensorFlow graph. Requests
 * hold it while they use it; a model replaced by a newer one is closed only once the last such request is done,
 * so a swap never fails a request in flight.
 */
final class ServedModel {

    private final ModelFile file;
    private final WinModelParameters parameters;
    private final DjlWinModel graph;
    private final AtomicInteger users = new AtomicInteger(1);

    ServedModel(ModelFile file, WinModelParameters parameters, DjlWinModel graph) {
        this.file = file;
        this.parameters = parameters;
        this.graph = graph;
    }

    ModelFile file() {
        return file;
    }

    WinModelParameters parameters() {
        return parameters;
    }

    DjlWinModel graph() {
        return graph;
    }

    /** False when the model was already retired and closed: take the current one instead. */
    boolean acquire() {
        while (true) {
            int current = users.get();
            if (current == 0) {
                return false;
            }
            if (users.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (users.decrementAndGet() == 0) {
            graph.close();
        }
    }

    /** Drops the service's own hold; the model closes when its last request releases it. */
    void retire() {
        release();
    }
}
