package com.kis.estimator.approval.process;

/** What an approver decides on a task; the process variable {@code decision} holds its name. */
public enum Decision {
    APPROVE, REJECT, REQUEST_CHANGES;

    boolean needsComment() {
        return this != APPROVE;
    }
}
