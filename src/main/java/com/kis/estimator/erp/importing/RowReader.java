package com.kis.estimator.erp.importing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed values out of one record. Every cell that is wrong is noted, not only the first, so that one report
 * names all of a row's mistakes. A cell that starts with {@code = + - @} (or a tab or carriage return) is refused:
 * opened in a spreadsheet, such a cell runs as a formula (CSV injection), and the ERP never writes one.
 */
public final class RowReader {

    private static final Set<String> YES = Set.of("y", "yes", "true", "1", "사용", "예", "o");
    private static final Set<String> NO = Set.of("n", "no", "false", "0", "미사용", "아니오", "x");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("uuuu/MM/dd"),
            DateTimeFormatter.ofPattern("uuuu.MM.dd"), DateTimeFormatter.ofPattern("uuuuMMdd"))
            .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private final HeaderMapping header;
    private CsvRecords.Record record;
    private String key;
    private final List<RowProblem> problems = new ArrayList<>();

    public RowReader(HeaderMapping header) {
        this.header = header;
    }

    /** Moves to the next record; the reader is reused so that a million rows make no million readers. */
    public RowReader at(CsvRecords.Record record) {
        this.record = record;
        this.key = null;
        problems.clear();
        return this;
    }

    public long line() {
        return record.line();
    }

    /** The row's key, used in reports and to tell which records a full snapshot still holds. */
    public String key(String column, int maxLength) {
        key = text(column, maxLength, true);
        return key;
    }

    public String text(String column, int maxLength, boolean required) {
        String value = header.cell(record, column);
        if (value == null) {
            if (required) {
                problem(column, "is empty");
            }
            return null;
        }
        if (startsLikeFormula(value)) {
            problem(column, "starts with '" + value.charAt(0) + "', which a spreadsheet would run as a formula");
            return null;
        }
        if (value.length() > maxLength) {
            problem(column, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** Whole won, zero or more; thousands separators allowed ("152,000"), a zero fraction too ("152000.00"). */
    public BigDecimal amount(String column) {
        String value = header.cell(record, column);
        if (value == null) {
            problem(column, "is empty");
            return null;
        }
        if (value.startsWith("-")) {
            problem(column, "is negative (" + value + ")");
            return null;
        }
        if (startsLikeFormula(value)) {
            problem(column, "starts with '" + value.charAt(0) + "', which a spreadsheet would run as a formula");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            problem(column, "is not a number (" + abbreviated(value) + ")");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 0) {
            problem(column, "is not whole won (" + value + ")");
            return null;
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            problem(column, "is too large (" + abbreviated(value) + ")");
            return null;
        }
        return amount.setScale(0);
    }

    public LocalDate date(String column, boolean required) {
        String value = header.cell(record, column);
        if (value == null) {
            if (required) {
                problem(column, "is empty");
            }
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeException e) {
                // try the next way of writing a date
            }
        }
        problem(column, "is not a date (" + abbreviated(value) + "; write 2026-01-31)");
        return null;
    }

    /** Y/N, true/false, 1/0, 사용/미사용; an empty or missing cell is {@code absent}. */
    public boolean flag(String column, boolean absent) {
        String value = header.cell(record, column);
        if (value == null) {
            return absent;
        }
        String normalized = value.toLowerCase(Locale.ROOT);
        if (YES.contains(normalized)) {
            return true;
        }
        if (NO.contains(normalized)) {
            return false;
        }
        problem(column, "is neither Y nor N (" + abbreviated(value) + ")");
        return absent;
    }

    public void problem(String column, String reason) {
        problems.add(new RowProblem(record.line(), column, key, column == null ? reason : column + " " + reason));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems of the current row, with the key filled in even when it was read after the problem. */
    public List<RowProblem> problems() {
        return problems.stream().map(p -> new RowProblem(p.line(), p.column(), key, p.reason())).toList();
    }

    /** A lone "-" is how many ERPs write "none"; it cannot run as a formula. */
    private static boolean startsLikeFormula(String value) {
        if (value.equals("-")) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
