package com.kis.estimator.erp.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.spi.IdempotentRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox's idempotent repository: the SHA-256 of every file taken, in {@code erp_ai.erp_processed_files}, so a
 * file dropped again (under any name, on any replica, after any restart) is recognised and not imported twice.
 */
@Component("erpProcessedFiles")
class ProcessedFiles implements IdempotentRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProcessedFiles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean add(String checksum) {
        try {
            jdbc.update("INSERT INTO erp_ai.erp_processed_files (checksum, file_name, received_at) VALUES (?, '', ?)",
                    checksum, Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean contains(String checksum) {
        return first(checksum).isPresent();
    }

    @Override
    public boolean remove(String checksum) {
        return jdbc.update("DELETE FROM erp_ai.erp_processed_files WHERE checksum = ?", checksum) > 0;
    }

    @Override
    public boolean confirm(String checksum) {
        return true;
    }

    /** Never called by the routes: forgetting every file would import them all again. */
    @Override
    public void clear() {
        throw new UnsupportedOperationException("the processed inbox files are not cleared");
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    /** Which file and import a checksum was first taken as. */
    void link(String checksum, String fileName, UUID importId) {
        jdbc.update("UPDATE erp_ai.erp_processed_files SET file_name = ?, import_id = ? WHERE checksum = ?",
                fileName, importId, checksum);
    }

    Optional<FirstSeen> first(String checksum) {
        return jdbc.query("SELECT file_name, import_id, received_at FROM erp_ai.erp_processed_files WHERE checksum = ?",
                (rs, n) -> new FirstSeen(rs.getString(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()),
                checksum).stream().findFirst();
    }

    record FirstSeen(String fileName, UUID importId, java.time.Instant receivedAt) {
    }
}
