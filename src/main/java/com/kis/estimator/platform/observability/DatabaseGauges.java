package com.kis.estimator.platform.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges whose value is a database query, counted in the background every {@code kis.metrics.database-gauges-every}
 * instead of at each scrape. Counted at the scrape, five gauges each waited the pool's 3 s for a connection while
 * the database was away: the scrape outlasted Prometheus's timeout, the instance read as down, and the 5xx it
 * answered meanwhile, the reason to alert, were never recorded. A count that fails keeps the last value; the
 * gauge reads NaN until the first count.
 */
@Component
public class DatabaseGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    private final MeterRegistry meters;
    private final List<Counted> gauges = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    DatabaseGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    public void register(String name, String description, LongSupplier count) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, AtomicReference::get).description(description).register(meters);
        gauges.add(new Counted(name, count, value));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${kis.metrics.database-gauges-every:15s}")
    void count() {
        for (Counted gauge : gauges) {
            try {
                gauge.value().set((double) gauge.count().getAsLong());
                if (failing.compareAndSet(true, false)) {
                    log.info("Database gauges counted again");
                }
            } catch (RuntimeException e) {
                // the database away: one line per outage, the last values stay
                if (failing.compareAndSet(false, true)) {
                    log.warn("Database gauges keep their last values: {} could not be counted: {}", gauge.name(),
                            e.getMessage());
                }
                return;
            }
        }
    }

    private record Counted(String name, LongSupplier count, AtomicReference<Double> value) {
    }
}
