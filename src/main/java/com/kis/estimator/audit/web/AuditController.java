package com.kis.estimator.audit.web;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.audit.chain.AuditChainVerifier;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit")
@RequiresPermission(Permission.AUDIT)
class AuditController {

    private final AuditChainVerifier verifier;
    private final JdbcTemplate jdbc;

    AuditController(AuditChainVerifier verifier, JdbcTemplate jdbc) {
        this.verifier = verifier;
        this.jdbc = jdbc;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the audit log's hash chain; names the first row that was changed or removed")
    AuditChainVerifier.Verification verify() {
        return verifier.verify();
    }

    @GetMapping("/logs")
    @Operation(summary = "The newest audit rows, optionally of one user or action")
    List<AuditEntry> logs(@RequestParam(required = false) @Size(max = 100) String user,
            @RequestParam(required = false) @Size(max = 100) String action,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return jdbc.query("""
                SELECT id, occurred_at, user_id, trace_id, client_ip, action, target, outcome, detail, chain_seq
                FROM shared.audit_logs WHERE (CAST(? AS VARCHAR(100)) IS NULL OR user_id = ?)
                    AND (CAST(? AS VARCHAR(100)) IS NULL OR action = ?)
                ORDER BY id DESC FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("user_id"), rs.getString("trace_id"), rs.getString("client_ip"),
                        rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                        rs.getString("detail"), (Long) rs.getObject("chain_seq", Long.class)),
                user, user, action, action, limit);
    }

    record AuditEntry(long id, Instant occurredAt, String user, String traceId, String clientIp, String action,
            String target, String outcome, String detail, Long chainSeq) {
    }
}
