package com.kis.estimator.ai.web;

/** A training was started: its model-training process, and where its candidate will be listed. */
record TrainingStarted(String processInstanceId, String statusUrl) {
}
