package com.kis.estimator.estimate;

import java.time.Instant;

/** An estimate became WON or LOST: published in the transaction that closes it. */
public record EstimateClosed(long estimateId, String number, String customerCode, boolean won, Instant closedAt) {
}
