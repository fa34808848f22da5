package com.kis.estimator.erp.staging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into a staging table through PostgreSQL's COPY (text format), the fastest way in: the rows stream to the
 * server in 256 KB chunks, so memory stays flat however long the file.
 */
final class PostgresCopyWriter implements StagingWriter {

    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final String importId;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

    private PostgresCopyWriter(CopyIn copy, UUID importId) {
        this.copy = copy;
        this.importId = importId.toString();
    }

    static StagingWriter open(Connection connection, StagingTable table, UUID importId) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table.table() + " (" + table.columnList() + ") FROM STDIN");
        return new PostgresCopyWriter(copy, importId);
    }

    @Override
    public void write(long line, Object[] values) throws SQLException {
        buffer.append(importId).append('\t').append(line);
        for (Object value : values) {
            buffer.append('\t');
            append(value);
        }
        buffer.append('\n');
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }

    @Override
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction is rolled back next; a failed cancel shows there
        }
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** COPY's text format: \N for null, backslash escapes for the characters that delimit rows and columns. */
    private void append(Object value) {
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof BigDecimal amount) {
            buffer.append(amount.toPlainString());
        } else if (value instanceof Boolean flag) {
            buffer.append(flag ? 't' : 'f');
        } else if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        } else {
            buffer.append(value);
        }
    }
}
