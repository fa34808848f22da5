package com.kis.estimator.erp.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.kis.estimator.erp.importing.RowProblem;
import com.kis.estimator.erp.run.ImportFinished;
import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.run.ImportState;
import com.kis.estimator.erp.run.Rejections;

/**
 * Where inbox files end: in {@code done/} (imported, or already imported) or {@code error/} (refused, cancelled,
 * failed), each next to {@code <file>.report.txt} saying what happened, row by row for the rejected ones.
 */
@Component
class InboxReports {

    private static final Logger log = LoggerFactory.getLogger(InboxReports.class);
    private static final int REPORTED_REJECTIONS = 10_000;

    private final InboxProperties properties;
    private final ImportRuns runs;
    private final Rejections rejections;

    InboxReports(InboxProperties properties, ImportRuns runs, Rejections rejections) {
        this.properties = properties;
        this.runs = runs;
        this.rejections = rejections;
    }

    /**
     * A run from the inbox ended: its file (the copy the run read) goes to done/ or error/ now, before the step
     * deletes its work file, and the report beside it once the step has committed: a report in done/ tells the
     * ERP team the rows are in, and read before the commit they were not yet (a test counted the rows right
     * after the report appeared and found none).
     */
    @EventListener
    void finished(ImportFinished finished) {
        if (!"file".equals(finished.channel())) {
            return;
        }
        ImportRun run = runs.find(finished.importId()).orElseThrow();
        Path folder = finished.state() == ImportState.COMPLETED ? properties.done() : properties.error();
        Path target = free(folder, run.fileName());
        Optional<Path> workFile = Optional.ofNullable(finished.workFile()).map(Path::of).filter(Files::exists);
        try {
            Files.createDirectories(folder);
            if (workFile.isPresent()) {
                Files.move(workFile.get(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Could not file ERP import {}: {}", run.importId(), e.getMessage());
        }
        String report = runReport(run);
        afterCommit(() -> {
            try {
                write(report(target), report);
            } catch (UncheckedIOException e) {
                log.warn("Could not write the report of ERP import {}: {}", run.importId(), e.getMessage());
            }
        });
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** A file that is no import: it goes to error/ now, nothing was recorded. */
    void refused(Path file, String fileName, String reason) {
        Path target = free(properties.error(), fileName);
        copy(file, target);
        write(report(target), "ERP inbox: " + fileName + "\nREFUSED, nothing imported: " + reason + "\n");
    }

    /** The same content was taken before: the file goes to done/, not imported again. */
    void duplicate(Path file, String fileName, String checksum, ProcessedFiles.FirstSeen first) {
        Path target = free(properties.done(), fileName);
        copy(file, target);
        write(report(target), "ERP inbox: " + fileName + "\nDUPLICATE, not imported again: the same content (SHA-256 "
                + checksum + ") was received as " + first.fileName() + " at " + first.receivedAt()
                + (first.importId() == null ? "" : ", import " + first.importId()) + "\n");
    }

    private String runReport(ImportRun run) {
        StringBuilder text = new StringBuilder()
                .append("ERP import ").append(run.importId()).append('\n')
                .append("file: ").append(run.fileName()).append(" (SHA-256 ").append(run.checksum()).append(", ")
                .append(run.sizeBytes()).append(" bytes)\n")
                .append("source: ").append(run.source()).append(run.fullSnapshot() ? ", full snapshot" : "").append('\n')
                .append("state: ").append(run.state()).append(" - ").append(run.outcome()).append('\n')
                .append("rows: ").append(run.totalRows() == null ? "-" : run.totalRows())
                .append("; inserted ").append(run.counts().inserted())
                .append(", updated ").append(run.counts().updated())
                .append(", unchanged ").append(run.counts().unchanged())
                .append(", rejected ").append(run.counts().rejected())
                .append(", deactivated ").append(run.counts().deactivated()).append('\n')
                .append("duration: ").append(run.durationMs()).append(" ms\n");
        List<RowProblem> problems = rejections.list(run.importId(), REPORTED_REJECTIONS);
        if (!problems.isEmpty()) {
            text.append("\nrejected rows").append(problems.size() == REPORTED_REJECTIONS
                    ? " (the first " + REPORTED_REJECTIONS + "; all: GET /api/v1/erp/sync/" + run.importId() + ")" : "")
                    .append(":\n");
            for (RowProblem problem : problems) {
                text.append(problem.line() > 0 ? "line " + problem.line() : "file")
                        .append(problem.column() == null ? "" : ", " + problem.column())
                        .append(": ").append(problem.reason()).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code name}, or {@code name} with a number when a file of that name is there already. */
    private static Path free(Path folder, String name) {
        Path candidate = folder.resolve(name);
        for (int i = 2; Files.exists(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = folder.resolve(dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i);
        }
        return candidate;
    }

    private static Path report(Path file) {
        return file.resolveSibling(file.getFileName() + ".report.txt");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path report, String text) {
        try {
            Files.writeString(report, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
