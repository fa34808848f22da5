package com.kis.estimator.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of {@code shared.audit_logs} as stored. */
record AuditRow(long id, Instant occurredAt, String userId, String traceId, String clientIp, String action,
        String target, String outcome, String detail, Long chainSeq, String prevHash, String hash) {

    static final String COLUMNS = "id, occurred_at, user_id, trace_id, client_ip, action, target, outcome, detail, "
            + "chain_seq, prev_hash, hash";

    static AuditRow read(ResultSet rs, int rowNum) throws SQLException {
        Long seq = rs.getObject("chain_seq", Long.class);
        return new AuditRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                rs.getString("trace_id"), rs.getString("client_ip"), rs.getString("action"), rs.getString("target"),
                rs.getString("outcome"), rs.getString("detail"), seq, rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
