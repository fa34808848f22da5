package com.kis.estimator.erp.process;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.apply.ImportApplication;
import com.kis.estimator.erp.apply.ImportValidation;
import com.kis.estimator.erp.importing.ImportRejected;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.importing.RowProblem;
import com.kis.estimator.erp.run.ImportCounts;
import com.kis.estimator.erp.run.ImportFinished;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.run.ImportState;
import com.kis.estimator.erp.run.Rejections;
import com.kis.estimator.erp.staging.ImportStaging;
import com.kis.estimator.erp.staging.StagedFile;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * The service tasks of processes/erp-import.bpmn, as {@code ${erpImport.stage(execution)}} and so on. Staging
 * commits on its own (a retry stages again); validation and apply run in the job's transaction, so the upsert
 * and the process moving on commit together or not at all.
 */
@Component("erpImport")
@ProcessApi
public class ErpImportSteps {

    /** The BPMN error a file that is not an import raises; its boundary event ends the run as FAILED. */
    public static final String FILE_REFUSED = "import-file-refused";

    private static final Logger log = LoggerFactory.getLogger(ErpImportSteps.class);
    private static final int SUMMARY_LINES = 20;

    private final SourceLock lock;
    private final ImportStaging staging;
    private final ImportValidation validation;
    private final ImportApplication application;
    private final ImportRuns runs;
    private final Rejections rejections;
    private final ReviewThreshold reviewThreshold;
    private final ApplicationEventPublisher events;
    private final Savepoints savepoint;

    ErpImportSteps(SourceLock lock, ImportStaging staging, ImportValidation validation, ImportApplication application,
            ImportRuns runs, Rejections rejections, ReviewThreshold reviewThreshold, ApplicationEventPublisher events,
            Savepoints savepoint) {
        this.lock = lock;
        this.staging = staging;
        this.validation = validation;
        this.application = application;
        this.runs = runs;
        this.rejections = rejections;
        this.reviewThreshold = reviewThreshold;
        this.events = events;
        this.savepoint = savepoint;
    }

    /** True when this import now holds its source; otherwise the process waits and asks again. */
    public boolean takeLock(DelegateExecution execution) {
        String source = string(execution, ImportVariables.SOURCE);
        boolean taken = lock.take(source, importId(execution).toString());
        if (!taken) {
            log.info("ERP import {} waits: {} is being imported by {}", importId(execution), source, lock.holder(source));
        }
        return taken;
    }

    public void stage(DelegateExecution execution) {
        UUID importId = importId(execution);
        renewLock(execution);
        Object encoding = execution.getVariable(ImportVariables.ENCODING);
        try {
            StagedFile staged = staging.stage(importId, type(execution),
                    Path.of(string(execution, ImportVariables.WORK_FILE)),
                    encoding == null ? null : Charset.forName(encoding.toString()));
            execution.setVariable(ImportVariables.TOTAL_ROWS, staged.rows());
        } catch (ImportRejected refused) {
            RowProblem problem = new RowProblem(refused.line(), refused.column(), null, refused.getMessage());
            rejections.record(importId, problem);
            String where = refused.line() > 0 ? "line " + refused.line() + ": " : "";
            execution.setVariable(ImportVariables.FAILURE, where + refused.getMessage());
            throw new BpmnError(FILE_REFUSED, where + refused.getMessage());
        }
    }

    /** Cross-row checks; then whether the share of refused rows needs a review by ops. */
    public void validate(DelegateExecution execution) {
        UUID importId = importId(execution);
        savepoint.run(() -> {
            validation.validate(importId, type(execution));
            return null;
        });
        long total = ((Number) execution.getVariable(ImportVariables.TOTAL_ROWS)).longValue();
        long rejected = rejections.rejectedRows(importId);
        double percent = total == 0 ? 0 : Math.round(rejected * 1000.0 / total) / 10.0;
        boolean review = percent > reviewThreshold.percent();
        runs.validated(importId, total, rejected);
        execution.setVariable(ImportVariables.REJECTED, rejected);
        execution.setVariable(ImportVariables.REJECTED_PERCENT, percent);
        execution.setVariable(ImportVariables.NEEDS_REVIEW, review);
        if (review) {
            execution.setVariable(ImportVariables.REJECTION_SUMMARY, summary(importId, rejected));
            runs.state(importId, ImportState.REVIEW, rejected + " of " + total + " rows rejected (" + percent
                    + " %, above " + reviewThreshold.percent() + " %): waiting for review");
        }
    }

    public void apply(DelegateExecution execution) {
        renewLock(execution);
        UUID importId = importId(execution);
        runs.state(importId, ImportState.RUNNING, null);
        boolean fullSnapshot = Boolean.TRUE.equals(execution.getVariable(ImportVariables.FULL_SNAPSHOT));
        ImportCounts counts = savepoint.run(() -> application.apply(importId, type(execution), fullSnapshot));
        execution.setVariable("inserted", counts.inserted());
        execution.setVariable("updated", counts.updated());
        execution.setVariable("unchanged", counts.unchanged());
        execution.setVariable("deactivated", counts.deactivated());
    }

    public void complete(DelegateExecution execution) {
        Object reviewer = execution.getVariable(ImportVariables.REVIEW_DECISION) == null ? null
                : execution.getVariable("reviewedBy");
        finish(execution, ImportState.COMPLETED, reviewer == null ? "applied" : "applied after review by " + reviewer);
    }

    public void fail(DelegateExecution execution) {
        finish(execution, ImportState.FAILED, "file refused, " + string(execution, ImportVariables.FAILURE));
    }

    public void cancel(DelegateExecution execution) {
        Object comment = execution.getVariable(ImportVariables.REVIEW_COMMENT);
        finish(execution, ImportState.FAILED, "cancelled in review by " + execution.getVariable("reviewedBy")
                + (comment == null || comment.toString().isBlank() ? "" : ": " + comment));
    }

    public void releaseLock(DelegateExecution execution) {
        lock.release(string(execution, ImportVariables.SOURCE), importId(execution).toString());
    }

    /**
     * The process instance ended, normally or cancelled (Cockpit): the source is freed either way, and a run
     * that had not finished is marked FAILED.
     */
    public void ended(DelegateExecution execution) {
        releaseLock(execution);
        ImportState state = runs.find(importId(execution)).map(run -> run.state()).orElse(ImportState.FAILED);
        if (state == ImportState.RUNNING || state == ImportState.REVIEW) {
            finish(execution, ImportState.FAILED, "the process instance was cancelled"
                    + (execution.getCurrentActivityId() == null ? "" : " at " + execution.getCurrentActivityId()));
        }
    }

    private void finish(DelegateExecution execution, ImportState state, String outcome) {
        UUID importId = importId(execution);
        runs.finish(importId, state, outcome);
        staging.discardStaged(importId, type(execution));
        events.publishEvent(new ImportFinished(importId, string(execution, ImportVariables.CHANNEL), state,
                string(execution, ImportVariables.WORK_FILE), string(execution, ImportVariables.AWAITED_BY)));
        deleteWorkFile(execution);
        log.info("ERP import {} {}: {}", importId, state, outcome);
    }

    private void renewLock(DelegateExecution execution) {
        if (!takeLock(execution)) {
            throw new IllegalStateException("ERP import " + importId(execution) + " lost the lock of its source");
        }
    }

    private String summary(UUID importId, long rejected) {
        List<RowProblem> first = rejections.list(importId, SUMMARY_LINES);
        String lines = first.stream()
                .map(p -> (p.line() > 0 ? "line " + p.line() : "file") + ": " + p.reason())
                .collect(Collectors.joining("\n"));
        return rejected > first.size() ? lines + "\n… all rejected rows: GET /api/v1/erp/sync/" + importId : lines;
    }

    private static void deleteWorkFile(DelegateExecution execution) {
        try {
            Files.deleteIfExists(Path.of(string(execution, ImportVariables.WORK_FILE)));
        } catch (java.io.IOException e) {
            log.warn("Could not delete {}: {}", execution.getVariable(ImportVariables.WORK_FILE), e.getMessage());
        }
    }

    private static UUID importId(DelegateExecution execution) {
        return UUID.fromString(string(execution, ImportVariables.IMPORT_ID));
    }

    private static ImportType type(DelegateExecution execution) {
        return ImportType.valueOf(string(execution, ImportVariables.SOURCE).toUpperCase(Locale.ROOT));
    }

    private static String string(DelegateExecution execution, String name) {
        return (String) execution.getVariable(name);
    }
}
