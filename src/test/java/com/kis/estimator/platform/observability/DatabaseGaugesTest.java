package com.kis.estimator.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DatabaseGaugesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DatabaseGauges gauges = new DatabaseGauges(meters);

    @Test
    void aScrapeReadsTheLastCountAndNeverRunsTheQuery() {
        AtomicInteger queries = new AtomicInteger();
        gauges.register("kis.test.open", "open things", () -> 10L + queries.incrementAndGet());

        assertThat(value()).as("before the first count").isNaN();
        gauges.count();
        assertThat(value()).isEqualTo(11.0);
        assertThat(value()).isEqualTo(11.0);
        assertThat(queries).as("one query per count, none per read").hasValue(1);
    }

    @Test
    void aCountThatFailsKeepsTheLastValueAndTheNextOneReplacesIt() {
        AtomicInteger calls = new AtomicInteger();
        gauges.register("kis.test.open", "open things", () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("Unable to acquire JDBC Connection");
            }
            return calls.get();
        });

        gauges.count();
        gauges.count();
        assertThat(value()).as("the database away").isEqualTo(1.0);
        gauges.count();
        assertThat(value()).as("back").isEqualTo(3.0);
    }

    private double value() {
        return meters.get("kis.test.open").gauge().value();
    }
}
