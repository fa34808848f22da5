package com.kis.estimator.platform.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN models may call by name, as in {@code ${estimateStatus.set(execution, 'APPROVED')}}
 * or {@code delegateExpression="${approvalTaskListener}"}. A deployment whose expressions call any other bean, or
 * call anything on a variable, is refused: a model is data an analyst deploys, and must not become a way to run
 * arbitrary code in the server (docs/security.md, "Deploying models").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessApi {
}
