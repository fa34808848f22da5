package com.kis.estimator.erp.run;

import java.time.Instant;
import java.util.UUID;

/**
 * One import run, a row of {@code erp_ai.erp_sync_logs}.
 *
 * @param source  the data set: {@code products}, {@code customers} or {@code prices}; imports of one source run
 *                one at a time
 * @param channel how the data came: {@code api}, {@code file} (the inbox) or {@code rest} (the ERP pull)
 */
public record ImportRun(UUID importId, String source, String channel, String fileName, String checksum,
        Long sizeBytes, boolean fullSnapshot, ImportState state, String processInstanceId, Long totalRows,
        ImportCounts counts, String outcome, String requestedBy, Instant startedAt, Instant finishedAt,
        Long durationMs) {
}
