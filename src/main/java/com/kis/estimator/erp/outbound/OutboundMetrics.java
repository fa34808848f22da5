package com.kis.estimator.erp.outbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code kis_erp_outbound_messages{state}}: the outbound feed's messages by state, counted in the database every
 * {@code kis.erp.outbound.metrics-every} rather than at each scrape, so that a scrape never waits for a query. A
 * DEAD message is an approved estimate the ERP never received: ops resend it (docs/operations.md).
 */
@Component
class OutboundMetrics {

    private final ErpOutbound outbound;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> byState = new ConcurrentHashMap<>();

    OutboundMetrics(ErpOutbound outbound, MeterRegistry meters) {
        this.outbound = outbound;
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "${kis.erp.outbound.metrics-every:30s}",
            fixedDelayString = "${kis.erp.outbound.metrics-every:30s}")
    void count() {
        outbound.counts().forEach((state, count) -> byState.computeIfAbsent(state, this::gauge).set(count));
    }

    private AtomicLong gauge(String state) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("kis.erp.outbound.messages", value, AtomicLong::get).tag("state", state)
                .description("Outbound ERP messages by state (PENDING, SENT, DEAD)").register(meters);
        return value;
    }
}
