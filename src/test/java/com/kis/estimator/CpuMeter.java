package com.kis.estimator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU spent while a benchmark phase runs, split into this JVM, its JIT compiler and the rest of the machine
 * (PostgreSQL, Redis, Keycloak, neighbours). Read from the JVM and from /proc, so Linux only. On a shared
 * 2-core machine the split says whether a phase is bound by this code, by the database or by the neighbours.
 */
public final class CpuMeter {

    private final long jvmBefore = jvmNanos();
    private final long jitBefore = jitNanos();
    private final long machineBefore = machineNanos();

    private CpuMeter() {
    }

    public static CpuMeter start() {
        return new CpuMeter();
    }

    /** "CPU per operation: this JVM … ms (JIT compiler … ms), rest of the machine … ms", for {@code operations}. */
    public String perOperation(int operations) {
        double count = Math.max(1, operations);
        double jvm = (jvmNanos() - jvmBefore) / 1e6 / count;
        double jit = (jitNanos() - jitBefore) / 1e6 / count;
        double rest = (machineNanos() - machineBefore) / 1e6 / count - jvm;
        return "CPU per operation: this JVM %.2f ms (JIT compiler %.2f ms), rest of the machine (PostgreSQL, Redis,"
                .formatted(jvm, jit) + " Keycloak, neighbours) %.2f ms".formatted(rest);
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the JIT compiler's threads, from /proc/self/task: they are invisible to ThreadMXBean. */
    private static long jitNanos() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("Compiler")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException finished) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * 10_000_000L;
    }

    /** Busy time of all cores from /proc/stat (user, nice, system, irq, softirq, steal), in nanoseconds. */
    private static long machineNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(fields[i]);
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
