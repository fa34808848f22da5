package com.kis.estimator.ocr.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.kis.estimator.platform.live.UserNotice;

/**
 * {@code erp_ai.document_processing}, {@code document_files} and {@code document_pages}. Status changes name
 * the status they expect, so a step repeated by a retry cannot move a document backwards. Every status change
 * passes here, so here the uploader's open pages are told of it ({@link UserNotice}, after the commit).
 */
@Repository
public class Documents {

    private static final String COLUMNS = "id, checksum, file_name, media_type, size_bytes, channel, received_by,"
            + " customer_code, status, failure_reason, page_count, ocr_confidence, extraction, extraction_confidence,"
            + " process_instance_id, estimate_id, reviewed_by, received_at, ocr_started_at, ocr_finished_at,"
            + " extracted_at, reviewed_at, ocr_ms, extract_ms, review_groups";

    /** The notices' name on the web UI's event stream. */
    static final String NOTICE = "document";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Documents(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public Optional<DocumentRecord> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.document_processing WHERE id = ?", Documents::row, id)
                .stream().findFirst();
    }

    /** The documents one user uploaded, newest first. */
    public List<DocumentRecord> receivedBy(String user, int offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.document_processing WHERE received_by = ?"
                + " ORDER BY received_at DESC, id LIMIT ? OFFSET ?", Documents::row, user, limit, offset);
    }

    /** When each of the user's documents received since {@code since} came, oldest first. */
    public List<Instant> receivedSince(String user, Instant since) {
        return jdbc.query("SELECT received_at FROM erp_ai.document_processing WHERE received_by = ? AND received_at > ?"
                + " ORDER BY received_at", (rs, n) -> instant(rs, "received_at"), user, Timestamp.from(since));
    }

    public long countReceivedBy(String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.document_processing WHERE received_by = ?",
                Long.class, user);
    }

    /** Every document of this content, oldest first: one per sender who could not see the others. */
    public List<DocumentRecord> withChecksum(String checksum) {
        return jdbc.query("SELECT " + COLUMNS + " FROM erp_ai.document_processing WHERE checksum = ?"
                + " ORDER BY received_at, id", Documents::row, checksum);
    }

    /** Stores the original once per content; a second store of the same content is a no-op. */
    void storeFile(String checksum, String mediaType, byte[] content) {
        Integer present = jdbc.queryForObject(
                "SELECT COUNT(*) FROM erp_ai.document_files WHERE checksum = ?", Integer.class, checksum);
        if (present == 0) {
            jdbc.update("INSERT INTO erp_ai.document_files (checksum, media_type, size_bytes, content, stored_at)"
                    + " VALUES (?, ?, ?, ?, ?)", checksum, mediaType, content.length, content,
                    Timestamp.from(clock.instant()));
        }
    }

    public Optional<byte[]> file(String checksum) {
        return jdbc.query("SELECT content FROM erp_ai.document_files WHERE checksum = ?",
                (rs, n) -> rs.getBytes(1), checksum).stream().findFirst();
    }

    void insert(UUID id, String checksum, String fileName, String mediaType, long size, String channel,
            String receivedBy, String customerCode, int pageCount, String reviewGroups) {
        jdbc.update("INSERT INTO erp_ai.document_processing (id, checksum, file_name, media_type, size_bytes,"
                + " channel, received_by, customer_code, status, page_count, received_at, review_groups)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, checksum, fileName, mediaType, size, channel,
                receivedBy, customerCode, DocumentStatus.RECEIVED.name(), pageCount, Timestamp.from(clock.instant()),
                reviewGroups);
    }

    void attachProcess(UUID id, String processInstanceId) {
        jdbc.update("UPDATE erp_ai.document_processing SET process_instance_id = ? WHERE id = ?",
                processInstanceId, id);
    }

    public void ocrStarted(UUID id) {
        jdbc.update("UPDATE erp_ai.document_processing SET ocr_started_at = ? WHERE id = ?", now(), id);
    }

    /** The pages read, replacing those of an earlier attempt; RECEIVED → OCR_DONE. */
    public void ocrDone(UUID id, List<PageRecord> pages, List<byte[]> previews, BigDecimal meanConfidence,
            long millis) {
        jdbc.update("DELETE FROM erp_ai.document_pages WHERE document_id = ?", id);
        for (int i = 0; i < pages.size(); i++) {
            PageRecord page = pages.get(i);
            jdbc.update("INSERT INTO erp_ai.document_pages (document_id, page_number, width, height, dpi,"
                    + " skew_degrees, ocr_confidence, prepare_ms, ocr_ms, text, words, preview)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, page.number(), page.width(), page.height(),
                    page.dpi(), page.skewDegrees(), page.ocrConfidence(), page.prepareMillis(), page.ocrMillis(),
                    page.text(), page.words(), previews.get(i));
        }
        move(id, DocumentStatus.RECEIVED, DocumentStatus.OCR_DONE, "page_count = ?, ocr_confidence = ?,"
                + " ocr_finished_at = ?, ocr_ms = ?", pages.size(), meanConfidence, now(), millis);
    }

    /** OCR_DONE → EXTRACTED, with what was extracted (JSON). */
    public void extracted(UUID id, String extraction, BigDecimal confidence, long millis) {
        move(id, DocumentStatus.OCR_DONE, DocumentStatus.EXTRACTED, "extraction = ?, extraction_confidence = ?,"
                + " extracted_at = ?, extract_ms = ?", extraction, confidence, now(), millis);
    }

    /** EXTRACTED → REVIEWED, with the estimate made from it (null when the reviewer discarded it). */
    public void reviewed(UUID id, String reviewedBy, Long estimateId) {
        move(id, DocumentStatus.EXTRACTED, DocumentStatus.REVIEWED, "reviewed_by = ?, estimate_id = ?,"
                + " reviewed_at = ?", reviewedBy, estimateId, now());
    }

    /** Any open status → FAILED, with the reason for the sender. */
    public void failed(UUID id, String reason) {
        String shortened = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
        int moved = jdbc.update("UPDATE erp_ai.document_processing SET status = ?, failure_reason = ? WHERE id = ?"
                + " AND status IN ('RECEIVED', 'OCR_DONE', 'EXTRACTED')", DocumentStatus.FAILED.name(), shortened, id);
        if (moved > 0) {
            tellUploader(id, DocumentStatus.FAILED);
        }
    }

    public List<PageRecord> pages(UUID id) {
        return jdbc.query("SELECT page_number, width, height, dpi, skew_degrees, ocr_confidence, prepare_ms, ocr_ms,"
                + " text, words FROM erp_ai.document_pages WHERE document_id = ? ORDER BY page_number",
                (rs, n) -> new PageRecord(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10)), id);
    }

    public Optional<byte[]> preview(UUID id, int page) {
        return jdbc.query("SELECT preview FROM erp_ai.document_pages WHERE document_id = ? AND page_number = ?",
                (rs, n) -> rs.getBytes(1), id, page).stream().findFirst();
    }

    private void move(UUID id, DocumentStatus from, DocumentStatus to, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        arguments[0] = to.name();
        System.arraycopy(values, 0, arguments, 1, values.length);
        arguments[values.length + 1] = id;
        arguments[values.length + 2] = from.name();
        int moved = jdbc.update("UPDATE erp_ai.document_processing SET status = ?, " + assignments
                + " WHERE id = ? AND status = ?", arguments);
        if (moved == 0) {
            throw new IllegalStateException("document " + id + " is not " + from + "; cannot move it to " + to);
        }
        tellUploader(id, to);
    }

    private void tellUploader(UUID id, DocumentStatus status) {
        String uploader = jdbc.queryForObject("SELECT received_by FROM erp_ai.document_processing WHERE id = ?",
                String.class, id);
        events.publishEvent(new UserNotice(uploader, NOTICE, id.toString(), status.name()));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static List<String> groups(String reviewGroups) {
        return reviewGroups == null || reviewGroups.isBlank() ? List.of() : List.of(reviewGroups.split(","));
    }

    private static DocumentRecord row(ResultSet rs, int n) throws SQLException {
        return new DocumentRecord(rs.getObject("id", UUID.class), rs.getString("checksum"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("channel"),
                rs.getString("received_by"), rs.getString("customer_code"),
                DocumentStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
                (Integer) rs.getObject("page_count", Integer.class), rs.getBigDecimal("ocr_confidence"),
                rs.getString("extraction"), rs.getBigDecimal("extraction_confidence"),
                rs.getString("process_instance_id"), rs.getObject("estimate_id", Long.class),
                rs.getString("reviewed_by"), instant(rs, "received_at"), instant(rs, "ocr_started_at"),
                instant(rs, "ocr_finished_at"), instant(rs, "extracted_at"), instant(rs, "reviewed_at"),
                rs.getObject("ocr_ms", Long.class), rs.getObject("extract_ms", Long.class),
                groups(rs.getString("review_groups")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
