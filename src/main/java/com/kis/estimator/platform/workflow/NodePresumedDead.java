package com.kis.estimator.platform.workflow;

/**
 * A process has not said it is alive for {@code kis.workflow.job-executor.presumed-dead-after}: its job locks have
 * been given back and its name ({@link ThisNode#name()}) forgotten. Published once, by the process that swept it,
 * outside any transaction; a listener gives back what else that process had claimed. A listener that fails leaves
 * its claims to their own expiry.
 */
public record NodePresumedDead(String name) {
}
