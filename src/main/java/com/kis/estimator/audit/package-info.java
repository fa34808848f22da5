/**
 * The tamper-evident audit log ({@code shared.audit_logs}): every state change and security decision with user,
 * time, trace id, client address, action, target and outcome. {@link com.kis.estimator.audit.AuditTrail} is the
 * API; rows are hash-chained in commit order by the chainer, and operations verify the chain through
 * {@code /api/v1/audit/verify}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.kis.estimator.audit;
