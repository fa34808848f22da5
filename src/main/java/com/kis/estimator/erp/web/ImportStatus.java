package com.kis.estimator.erp.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.kis.estimator.erp.importing.RowProblem;
import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportState;

/** One import run as {@code GET /api/v1/erp/sync/{importId}} shows it: state, counts and the rejected rows. */
record ImportStatus(UUID importId, String source, String channel, String fileName, String checksum, Long sizeBytes,
        boolean fullSnapshot, ImportState state, String processInstanceId, Long totalRows, long inserted,
        long updated, long unchanged, long rejected, long deactivated, String outcome, String requestedBy,
        Instant startedAt, Instant finishedAt, Long durationMs, List<Rejection> rejectedRows,
        boolean rejectedRowsTruncated) {

    /** A refused row; line 0 is the file as a whole. */
    record Rejection(long line, String column, String key, String reason) {

        static Rejection of(RowProblem problem) {
            return new Rejection(problem.line(), problem.column(), problem.key(), problem.reason());
        }
    }

    static ImportStatus of(ImportRun run, List<RowProblem> problems, boolean truncated) {
        return new ImportStatus(run.importId(), run.source(), run.channel(), run.fileName(), run.checksum(),
                run.sizeBytes(), run.fullSnapshot(), run.state(), run.processInstanceId(), run.totalRows(),
                run.counts().inserted(), run.counts().updated(), run.counts().unchanged(), run.counts().rejected(),
                run.counts().deactivated(), run.outcome(), run.requestedBy(), run.startedAt(), run.finishedAt(),
                run.durationMs(), problems.stream().map(Rejection::of).toList(), truncated);
    }
}
