package com.kis.estimator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waiting in tests for what happens asynchronously (a job, a route): polls until the probe answers non-null. */
public final class Await {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Await() {
    }

    /** The probe's first non-null answer; an AssertionError naming {@code what} after 90 s. */
    public static <T> T until(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
