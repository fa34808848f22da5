/**
 * Estimate approval: the Java side of {@code processes/estimate-approval.bpmn}. Submitting starts the process;
 * the routing DMN decides the levels; each level is a Tasklist task for that level's group. The rules that
 * make approval impossible to bypass (no approving your own estimate, one person one level, a reason for every
 * rejection) are checked here, on every completion, whether it comes from Tasklist or the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval")
package com.kis.estimator.approval;
