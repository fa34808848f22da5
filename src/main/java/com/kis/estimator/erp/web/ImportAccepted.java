package com.kis.estimator.erp.web;

import java.util.UUID;

import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportState;

/** The answer to {@code POST /api/v1/erp/import} (202): the run and its process; follow {@code statusUrl}. */
record ImportAccepted(UUID importId, String processInstanceId, String source, ImportState state, String checksum,
        String statusUrl) {

    static ImportAccepted of(ImportRun run) {
        return new ImportAccepted(run.importId(), run.processInstanceId(), run.source(), run.state(), run.checksum(),
                "/api/v1/erp/sync/" + run.importId());
    }
}
