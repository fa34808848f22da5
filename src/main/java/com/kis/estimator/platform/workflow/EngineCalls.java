package com.kis.estimator.platform.workflow;

import java.util.function.Supplier;

/**
 * Marks engine calls the application makes itself, as opposed to what reaches the engine through Tasklist,
 * Cockpit or {@code /engine-rest}. Only the application may complete a task with variables beyond the task's
 * form (a resubmission carries the revised figures), so the engine's completion guard lets calls made inside
 * {@link #asApplication} through unchecked. A thread-bound flag: nothing a request sends can set it.
 */
public final class EngineCalls {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private EngineCalls() {
    }

    public static <T> T asApplication(Supplier<T> call) {
        DEPTH.set(DEPTH.get() + 1);
        try {
            return call.get();
        } finally {
            int depth = DEPTH.get() - 1;
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
        }
    }

    public static void asApplication(Runnable call) {
        asApplication(() -> {
            call.run();
            return null;
        });
    }

    public static boolean fromApplication() {
        return DEPTH.get() > 0;
    }
}
