package com.kis.estimator.audit.chain;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links new audit rows into the chain, in the order they became visible. Writers never wait for each other:
 * rows are inserted unchained in their own transactions, and this job, holding the lock on the chain's head row
 * (one instance at a time), gives each the next sequence number and its hash. A row stays unchained for about a
 * second; the verification report counts such rows.
 */
@Component
public class AuditChainer {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    AuditChainer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${kis.audit.chain-interval:1s}")
    void scheduled() {
        chainPending();
    }

    /** Chains every row waiting; returns how many. */
    @Transactional
    public int chainPending() {
        var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM shared.audit_chain_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue();
        String previous = (String) head.get("last_hash");
        int chained = 0;
        List<AuditRow> pending;
        do {
            pending = jdbc.query("SELECT " + AuditRow.COLUMNS + " FROM shared.audit_logs WHERE chain_seq IS NULL "
                    + "ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY", AuditRow::read);
            List<Object[]> links = new java.util.ArrayList<>(pending.size());
            for (AuditRow row : pending) {
                seq++;
                String hash = AuditHash.of(row, seq, previous);
                links.add(new Object[] {seq, previous, hash, row.id()});
                previous = hash;
                chained++;
            }
            // One round trip for the whole batch: under load the chainer links hundreds of rows a second.
            jdbc.batchUpdate("UPDATE shared.audit_logs SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?", links);
        } while (pending.size() == BATCH);
        if (chained > 0) {
            jdbc.update("UPDATE shared.audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, previous);
        }
        return chained;
    }
}
