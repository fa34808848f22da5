package com.kis.estimator.erp.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * CSV records read one at a time (RFC 4180: commas, quoted fields with doubled quotes, line breaks inside quotes,
 * CRLF or LF), so that a million-row file never sits in memory. A leading byte-order mark is skipped; a quote left
 * open at the end of the file means a truncated file and is refused with its line.
 */
public final class CsvRecords implements Iterator<CsvRecords.Record> {

    /** One record: its cells and the line it starts on (1-based). */
    public record Record(long line, List<String> cells) {
    }

    private final Reader in;
    private long line = 1;
    private int peeked = -2;
    private Record next;
    private boolean started;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record record = next;
        next = null;
        return record;
    }

    private Record read() {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                take();
            }
        }
        if (peek() == -1) {
            return null;
        }
        long startLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = take();
            if (quoted) {
                if (c == -1) {
                    throw new ImportRejected(startLine, null, "a quoted field is not closed: the file is truncated");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        cell.append((char) take());
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && peek() == '\n') {
                // CRLF: the LF ends the record
            } else if (c == '\n' || c == -1) {
                cells.add(cell.toString());
                return new Record(startLine, List.copyOf(cells));
            } else {
                cell.append((char) c);
            }
        }
    }

    private int peek() {
        if (peeked == -2) {
            try {
                peeked = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peeked;
    }

    private int take() {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
