package com.kis.estimator.audit.chain;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from its start and recomputes every hash. The first row whose content, position or link does
 * not match is named: a changed row fails its own hash, a deleted row leaves a gap in the sequence, a deleted
 * tail no longer reaches the head.
 */
@Component
public class AuditChainVerifier {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;

    AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM shared.audit_chain_head WHERE id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        long unchained = jdbc.queryForObject("SELECT count(*) FROM shared.audit_logs WHERE chain_seq IS NULL", Long.class);
        long expectedSeq = 1;
        String previous = AuditHash.GENESIS;
        List<AuditRow> page;
        do {
            page = jdbc.query("SELECT " + AuditRow.COLUMNS + " FROM shared.audit_logs WHERE chain_seq >= ? "
                    + "ORDER BY chain_seq FETCH FIRST " + PAGE + " ROWS ONLY", AuditRow::read, expectedSeq);
            for (AuditRow row : page) {
                if (row.chainSeq() != expectedSeq) {
                    return Verification.broken(expectedSeq - 1, unchained, row, "row(s) missing before this one: "
                            + "expected position " + expectedSeq + ", found " + row.chainSeq());
                }
                if (!previous.equals(row.prevHash())) {
                    return Verification.broken(expectedSeq - 1, unchained, row, "link to the previous row does not match");
                }
                String hash = AuditHash.of(row, expectedSeq, previous);
                if (!hash.equals(row.hash())) {
                    return Verification.broken(expectedSeq - 1, unchained, row, "content does not match its hash");
                }
                previous = hash;
                expectedSeq++;
            }
        } while (page.size() == PAGE);
        long verified = expectedSeq - 1;
        if (verified != headSeq || !previous.equals(head.get("last_hash"))) {
            return new Verification(false, verified, unchained, null, null,
                    "the chain ends at position " + verified + " but its head says " + headSeq + ": rows at the end are missing");
        }
        return new Verification(true, verified, unchained, null, null, null);
    }

    /**
     * @param valid        every chained row verified
     * @param verifiedRows rows verified before the first break (all of them when valid)
     * @param unchained    rows written but not linked yet (the chainer runs every second)
     * @param brokenRowId  id of the first row that fails, if any
     * @param brokenSeq    its position in the chain
     */
    public record Verification(boolean valid, long verifiedRows, long unchained, Long brokenRowId, Long brokenSeq,
            String reason) {

        static Verification broken(long verified, long unchained, AuditRow row, String reason) {
            return new Verification(false, verified, unchained, row.id(), row.chainSeq(), reason);
        }
    }
}
