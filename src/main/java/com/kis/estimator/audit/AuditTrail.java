package com.kis.estimator.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.kis.estimator.platform.web.CurrentUser;

/**
 * Writes audit rows. {@link #record} joins the caller's transaction, so a change and its audit row commit or roll
 * back together; {@link #recordSeparately} commits on its own, for decisions whose request changes nothing
 * (a refused request must leave its trace although it rolls back). Who, trace id and client address come from the
 * current request; outside a request (jobs, process steps) the user is {@code system} unless given.
 */
@Component
public class AuditTrail {

    static final int DETAIL_MAX = 2000;
    static final int TARGET_MAX = 300;

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final TransactionTemplate separately;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, CurrentUser currentUser, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** An audit row in the current transaction, by the current caller. */
    public void record(String action, String target, String outcome, String detail) {
        insert(user(null), action, target, outcome, detail);
    }

    /** An audit row by a named user (for example the approver of a Tasklist completion). */
    public void recordAs(String user, String action, String target, String outcome, String detail) {
        insert(user(user), action, target, outcome, detail);
    }

    /** An audit row committed at once, whatever happens to the current transaction. */
    public void recordSeparately(String user, String action, String target, String outcome, String detail) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            separately.executeWithoutResult(status -> insert(user, action, target, outcome, detail));
        } else {
            // No transaction to stay out of (a request after its work, a refusal before any): the insert
            // commits by itself, without the cost of opening a transaction around it.
            insert(user, action, target, outcome, detail);
        }
    }

    private String user(String given) {
        if (given != null) {
            return given;
        }
        String id = currentUser.id();
        return CurrentUser.ANONYMOUS.equals(id) ? (inRequest() ? null : "system") : id;
    }

    private void insert(String user, String action, String target, String outcome, String detail) {
        jdbc.update("""
                INSERT INTO shared.audit_logs (occurred_at, user_id, trace_id, client_ip, action, target, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), user, MDC.get("traceId"), clientIp(),
                action, cut(target, TARGET_MAX), outcome, cut(detail, DETAIL_MAX));
    }

    private static boolean inRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes;
    }

    private static String clientIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
