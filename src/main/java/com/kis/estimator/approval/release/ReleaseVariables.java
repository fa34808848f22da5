package com.kis.estimator.approval.release;

/** Variables of {@code processes/model-release.bpmn} and its form. */
final class ReleaseVariables {

    static final String DEFINITION_ID = "definitionId";
    static final String DEFINITION_KEY = "definitionKey";
    static final String DEFINITION_VERSION = "definitionVersion";
    static final String DEPLOYED_BY = "deployedBy";
    static final String RESOURCES = "resources";
    static final String SERVING_VERSION = "servingVersion";
    static final String DECISION = "releaseDecision";
    static final String COMMENT = "releaseComment";

    private ReleaseVariables() {
    }
}
