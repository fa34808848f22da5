package com.kis.estimator.erp.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportState;

/**
 * {@code GET /api/v1/erp/sync}: per source its last run, who holds it now, and the next scheduled pull; and the
 * outbound feed's messages by state ({@code PENDING}, {@code SENT}, {@code DEAD}).
 */
record SyncStatus(List<Source> sources, java.util.Map<String, Long> outbound) {

    /**
     * @param lastRun          the latest run, or null when the source was never imported
     * @param runningImport    the import holding the source's lock, if any
     * @param nextScheduledRun when the scheduled ERP pull next runs, or null when none is scheduled
     */
    record Source(String source, LastRun lastRun, String runningImport, Instant nextScheduledRun) {
    }

    record LastRun(UUID importId, String channel, String fileName, ImportState state, long inserted, long updated,
            long unchanged, long rejected, long deactivated, String outcome, Instant startedAt, Instant finishedAt,
            Long durationMs) {

        static LastRun of(ImportRun run) {
            return new LastRun(run.importId(), run.channel(), run.fileName(), run.state(), run.counts().inserted(),
                    run.counts().updated(), run.counts().unchanged(), run.counts().rejected(),
                    run.counts().deactivated(), run.outcome(), run.startedAt(), run.finishedAt(), run.durationMs());
        }
    }
}
