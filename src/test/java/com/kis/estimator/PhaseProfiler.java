package com.kis.estimator;

import java.lang.reflect.Method;

/**
 * Profiles one measured phase of a benchmark with async-profiler, so that start-up, seeding and warm-up stay out
 * of the profile. Off unless {@code BENCH_PROFILE} names an output file and async-profiler's jar is on the class
 * path ({@code BENCH_CLASSPATH}); the profiler is reached by reflection, so the project does not depend on it.
 * See "Profiling a benchmark" in docs/benchmarks.md.
 */
public final class PhaseProfiler {

    private final Method execute;
    private final Object profiler;
    private final String options;

    private PhaseProfiler(Method execute, Object profiler, String options) {
        this.execute = execute;
        this.profiler = profiler;
        this.options = options;
    }

    /** Starts profiling when {@code BENCH_PROFILE} asks for it; the answer's {@link #stop} writes the file. */
    public static PhaseProfiler start() {
        return start(null);
    }

    /**
     * As {@link #start()}, for a benchmark that profiles more than one phase: the phase's name goes into the file
     * name ({@code approvals.collapsed} becomes {@code approvals-submissions.collapsed}).
     */
    public static PhaseProfiler start(String phase) {
        String file = System.getenv("BENCH_PROFILE");
        if (file == null || file.isBlank()) {
            return new PhaseProfiler(null, null, null);
        }
        if (phase != null) {
            int dot = file.lastIndexOf('.');
            file = dot > file.lastIndexOf('/') ? file.substring(0, dot) + "-" + phase + file.substring(dot)
                    : file + "-" + phase;
        }
        try {
            Class<?> type = Class.forName("one.profiler.AsyncProfiler");
            Object profiler = type.getMethod("getInstance").invoke(null);
            Method execute = type.getMethod("execute", String.class);
            String options = System.getenv().getOrDefault("BENCH_PROFILE_OPTIONS", "event=itimer,interval=2ms,threads")
                    + ",collapsed,file=" + file;
            execute.invoke(profiler, "start," + options);
            return new PhaseProfiler(execute, profiler, options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BENCH_PROFILE is set, but async-profiler could not be started: put its"
                    + " jar on BENCH_CLASSPATH", e);
        }
    }

    public void stop() {
        if (profiler == null) {
            return;
        }
        try {
            execute.invoke(profiler, "stop," + options);
            System.out.println("  profile written: " + options.substring(options.indexOf("file=") + 5));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("async-profiler could not write its profile", e);
        }
    }
}
