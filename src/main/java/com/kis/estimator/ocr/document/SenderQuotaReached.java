package com.kis.estimator.ocr.document;

import java.time.Duration;

/** The sender has sent in {@code kis.ocr.max-documents-per-sender-per-day} documents within the last 24 hours. */
public class SenderQuotaReached extends Exception {

    private final Duration retryAfter;

    SenderQuotaReached(int quota, Duration retryAfter) {
        super("You have sent in " + quota + " documents within 24 hours, the most one person may; the next can be"
                + " sent in " + Math.max(1, retryAfter.toMinutes()) + " minutes");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
