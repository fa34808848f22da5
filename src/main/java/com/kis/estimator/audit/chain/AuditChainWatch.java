package com.kis.estimator.audit.chain;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Verifies the whole audit chain on a schedule, so that a broken chain raises an alert
 * ({@code kis_audit_chain_valid} = 0) instead of waiting for someone to call {@code /api/v1/audit/verify}. Every
 * replica verifies on its own: the walk only reads, and an hour apart it costs little beside the rows it checks.
 */
@Component
class AuditChainWatch {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWatch.class);

    private final AuditChainVerifier verifier;
    private final AtomicReference<AuditChainVerifier.Verification> last = new AtomicReference<>();

    AuditChainWatch(AuditChainVerifier verifier, MeterRegistry meters) {
        this.verifier = verifier;
        Gauge.builder("kis.audit.chain.valid", last, verification -> verification.get() == null ? Double.NaN
                : verification.get().valid() ? 1 : 0)
                .description("1 when the last verification found every chained audit row intact, 0 when broken")
                .register(meters);
        Gauge.builder("kis.audit.chain.verified.rows", last, verification -> verification.get() == null ? Double.NaN
                : verification.get().verifiedRows())
                .description("Audit rows the last verification checked before the end or the first break")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${kis.audit.verify-initial-delay:1m}", fixedDelayString = "${kis.audit.verify-every:1h}")
    void verify() {
        AuditChainVerifier.Verification verification = verifier.verify();
        last.set(verification);
        if (!verification.valid()) {
            log.error("Audit chain broken at position {} (row {}): {}", verification.brokenSeq(),
                    verification.brokenRowId(), verification.reason());
        }
    }
}
