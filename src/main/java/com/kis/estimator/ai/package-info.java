/**
 * AI: the probability that an estimate is won, learned from the company's own closed estimates, served by DJL's
 * TensorFlow engine, and shown to approvers; price anomalies against the history (docs/ai.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "AI")
package com.kis.estimator.ai;
