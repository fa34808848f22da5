package com.kis.estimator.ai.web;

/** Past outcomes loaded into the training history, and from where. */
record HistoryLoaded(int rows, String source) {
}
