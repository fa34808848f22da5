package com.kis.estimator.erp.run;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.kis.estimator.erp.importing.ImportType;

/**
 * {@code kis_erp_imports_total{source,state}}: imports finished, COMPLETED or FAILED; and
 * {@code kis_erp_import_rows_total{source,outcome}}: what they did to their rows. Counted once the run's end is
 * committed, on the replica whose job finished it. Both exist from the start at 0: Prometheus's {@code increase()}
 * sees no increase in a series born at its first count, so the first failed import of a replica's life raised no
 * alert (KisErpImportFailed), and the dashboard's rows panel missed the first import (found by the cluster drill).
 */
@Component
class ImportMetrics {

    private static final List<String> ROW_OUTCOMES = List.of("inserted", "updated", "rejected", "deactivated");

    private final ImportRuns runs;
    private final MeterRegistry meters;

    ImportMetrics(ImportRuns runs, MeterRegistry meters) {
        this.runs = runs;
        this.meters = meters;
        for (ImportType type : ImportType.values()) {
            String source = type.name().toLowerCase(Locale.ROOT);
            for (ImportState end : List.of(ImportState.COMPLETED, ImportState.FAILED)) {
                imports(source, end);
            }
            for (String outcome : ROW_OUTCOMES) {
                rows(source, outcome, 0);
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void finished(ImportFinished finished) {
        runs.find(finished.importId()).ifPresent(run -> {
            imports(run.source(), finished.state()).increment();
            ImportCounts counts = run.counts();
            if (counts != null) {
                rows(run.source(), "inserted", counts.inserted());
                rows(run.source(), "updated", counts.updated());
                rows(run.source(), "rejected", counts.rejected());
                rows(run.source(), "deactivated", counts.deactivated());
            }
        });
    }

    private Counter imports(String source, ImportState end) {
        return Counter.builder("kis.erp.imports").tag("source", source).tag("state", end.name())
                .description("ERP imports finished, by source and end state").register(meters);
    }

    private void rows(String source, String outcome, long count) {
        Counter.builder("kis.erp.import.rows").tag("source", source).tag("outcome", outcome)
                .description("Rows of finished ERP imports, by what became of them").register(meters).increment(count);
    }
}
