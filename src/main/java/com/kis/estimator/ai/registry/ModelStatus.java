package com.kis.estimator.ai.registry;

/** CANDIDATE → ACTIVE → RETIRED; a candidate that loses to the active model, or fails to load, is REJECTED. */
public enum ModelStatus {
    CANDIDATE, ACTIVE, RETIRED, REJECTED
}
