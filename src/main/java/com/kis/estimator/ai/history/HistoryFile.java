package com.kis.estimator.ai.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.ai.features.FeatureRefused;
import com.kis.estimator.ai.features.FeatureSchema;

/**
 * Historical outcomes from before the application, loaded from a CSV file (UTF-8, comma-separated, a header):
 * one column per feature of the schema, {@code won} ({@code true}/{@code false}, {@code 1}/{@code 0},
 * {@code Y}/{@code N}), and optionally {@code estimate_number}, {@code customer_code}, {@code closed_on}
 * (yyyy-mm-dd). All or nothing: a file with one bad row stores no row, and the refusal names the line.
 */
@Service
public class HistoryFile {

    /** The file cannot be loaded; {@code line} is 1-based (the header is line 1), 0 for the file as a whole. */
    public static class Refused extends RuntimeException {
        private final int line;

        Refused(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final List<String> EXTRA = List.of("won", "estimate_number", "customer_code", "closed_on");
    private static final int MAX_ROWS = 1_000_000;

    private final TrainingData history;
    private final Clock clock;

    HistoryFile(TrainingData history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** @return the rows stored */
    @Transactional
    public int load(InputStream csv) throws IOException {
        FeatureSchema schema = FeatureSchema.V1;
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new Refused(0, "the file is empty");
        }
        List<String> header = Arrays.stream(headerLine.replace("\uFEFF", "").split(",", -1)).map(String::strip).toList();
        List<String> expected = new ArrayList<>(schema.numeric());
        expected.add(schema.categorical());
        List<String> missing = new ArrayList<>(expected);
        missing.add("won");
        missing.removeAll(header);
        List<String> unknown = header.stream().filter(h -> !expected.contains(h) && !EXTRA.contains(h)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new Refused(1, (missing.isEmpty() ? "" : "missing columns " + missing)
                    + (!missing.isEmpty() && !unknown.isEmpty() ? "; " : "")
                    + (unknown.isEmpty() ? "" : "unknown columns " + unknown));
        }
        int stored = 0;
        int lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (stored == MAX_ROWS) {
                throw new Refused(lineNumber, "more than " + MAX_ROWS + " rows");
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new Refused(lineNumber, cells.length + " cells, the header has " + header.size());
            }
            Map<String, Object> features = new LinkedHashMap<>();
            Map<String, String> other = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                String cell = cells[i].strip();
                if (EXTRA.contains(name)) {
                    other.put(name, cell);
                } else if (name.equals(schema.categorical())) {
                    features.put(name, cell);
                } else {
                    features.put(name, number(cell, name, lineNumber));
                }
            }
            try {
                schema.vector(features);
            } catch (FeatureRefused e) {
                throw new Refused(lineNumber, e.getMessage());
            }
            history.add("file", null, blankToNull(other.get("estimate_number")), blankToNull(other.get("customer_code")),
                    List.of(), features, won(other.get("won"), lineNumber), closedOn(other.get("closed_on"), lineNumber));
            stored++;
        }
        if (stored == 0) {
            throw new Refused(0, "the file has a header but no rows");
        }
        return stored;
    }

    private static Object number(String cell, String column, int line) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new Refused(line, column + ": not a number (" + cell + ")");
        }
    }

    private static boolean won(String cell, int line) {
        return switch (cell == null ? "" : cell.toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes", "won" -> true;
            case "false", "0", "n", "no", "lost" -> false;
            default -> throw new Refused(line, "won: must be true or false, was " + cell);
        };
    }

    private Instant closedOn(String cell, int line) {
        if (cell == null || cell.isBlank()) {
            return clock.instant();
        }
        try {
            return LocalDate.parse(cell).atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused(line, "closed_on: not a date yyyy-mm-dd (" + cell + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
