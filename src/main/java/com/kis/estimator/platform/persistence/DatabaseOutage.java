package com.kis.estimator.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is away (restarting, unreachable, refusing sessions while it shuts down) from a request
 * that went wrong. The first is no fault of the request and passes: the caller gets 503 and comes back; the second
 * is a bug and a 500. Seen in the PostgreSQL restart drill: the pool's wait for a connection ran out
 * ({@link SQLTransientConnectionException}), a pooled session died with the server (SQLState class 08), and the
 * server said it was shutting down or starting (57P01–57P03).
 */
public final class DatabaseOutage {

    /**
     * Request attribute set on a request answered 503 because the database was away: what would still write to
     * the database for it (the audit row of a failed change) cannot, and trying would hold the answer for
     * another wait on the pool.
     */
    public static final String ANSWERED = DatabaseOutage.class.getName() + ".answered";

    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /**
     * The pool's stand-in for a connection it closed after the connection broke. Rolling back on it is what a
     * request sees when the server went away mid-transaction: the rollback's failure replaces the I/O error that
     * caused it (Spring logs the first as "Application exception overridden by rollback exception"), and it carries
     * no SQLState, so only its origin tells it apart.
     */
    private static boolean closedByThePool(SQLException failure) {
        StackTraceElement[] thrownAt = failure.getStackTrace();
        return failure.getSQLState() == null && thrownAt.length > 0
                && thrownAt[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection");
    }

    /** True when {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean caused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof SQLException sql && closedByThePool(sql)) {
                return true;
            }
        }
        return false;
    }
}
