package com.kis.estimator.erp.process;

/** The variables of the erp-import process (processes/README.md lists them for the analysts). */
final class ImportVariables {

    static final String MESSAGE = "ErpImportRequested";
    static final String IMPORT_ID = "importId";
    static final String SOURCE = "source";
    static final String CHANNEL = "channel";
    static final String FILE_NAME = "fileName";
    static final String WORK_FILE = "workFile";
    /** A charset name, or absent to detect it. */
    static final String ENCODING = "encoding";
    static final String FULL_SNAPSHOT = "fullSnapshot";
    static final String TOTAL_ROWS = "totalRows";
    static final String REJECTED = "rejected";
    static final String REJECTED_PERCENT = "rejectedPercent";
    static final String NEEDS_REVIEW = "needsReview";
    static final String REJECTION_SUMMARY = "rejectionSummary";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String FAILURE = "failure";
    /** The process instance waiting for this run (the ERP pull), if any. */
    static final String AWAITED_BY = "awaitedBy";

    private ImportVariables() {
    }
}
