package com.kis.estimator.ocr.extraction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the item rows of an RFQ or PO table. Where the table has a heading row (품목코드, 품명, 수량, 단위 or
 * Code, Description, Qty, Unit), each word belongs to the column whose heading it stands under, cut halfway
 * between neighbouring headings; that keeps numbers inside a description ("24회로", "22mm") out of the
 * quantity. The layout carries over to following pages, where tables go on without a heading. Without any
 * heading, a row is a line with a code-like word and a number at its end.
 */
final class TableReader {

    private static final Set<String> UNITS = Set.of("EA", "SET", "M", "KG", "BOX", "ROLL", "PCS", "L", "LOT",
            "개", "대", "면", "본", "롤", "식", "조", "권", "매", "세트", "박스", "미터", "M2", "M3");

    /** Words of one heading stand closer together than this (pixels at 300 dpi: about 4 mm). */
    private static final int HEADING_GAP = 50;

    private record Placed(Column column, int left, int right) {
    }

    /** The columns of a table, left to right; empty when no heading was found yet. */
    static final class Layout {
        private final List<Placed> columns;

        private Layout(List<Placed> columns) {
            this.columns = columns;
        }

        static Layout none() {
            return new Layout(List.of());
        }

        boolean found() {
            return !columns.isEmpty();
        }

        /**
         * The column a word centred at {@code x} stands in. Columns are cut halfway between headings, except
         * after a column of numbers: those are right-aligned, so they reach up to the next heading.
         */
        Column at(int x) {
            for (int i = 0; i + 1 < columns.size(); i++) {
                Placed column = columns.get(i);
                Placed next = columns.get(i + 1);
                int boundary = column.column().numeric() ? next.left() - 10 : (column.right() + next.left()) / 2;
                if (x < boundary) {
                    return columns.get(i).column();
                }
            }
            return columns.get(columns.size() - 1).column();
        }
    }

    private Layout layout = Layout.none();

    /** The item rows of one page, in order; call page by page so the layout carries over. */
    List<TableRow> read(int page, List<List<Token>> lines) {
        List<TableRow> rows = new ArrayList<>();
        TableRow previous = null;
        for (List<Token> line : lines) {
            Layout heading = heading(line);
            if (heading.found()) {
                layout = heading;
                previous = null;
                continue;
            }
            if (layout.found()) {
                Map<Column, List<Token>> cells = cells(line);
                TableRow row = row(page, line, cells);
                if (row != null) {
                    rows.add(row);
                    previous = row;
                } else if (previous != null && continuesDescription(cells)) {
                    // a description wrapped onto a second line of its cell
                    previous = new TableRow(previous.page(), previous.text() + " " + Token.join(line),
                            previous.code(), previous.description() + " " + Token.join(cells.get(Column.DESCRIPTION)),
                            previous.quantity(), previous.quantityConfidence(), previous.unit());
                    rows.set(rows.size() - 1, previous);
                } else {
                    previous = null;
                }
            } else {
                TableRow row = withoutHeading(page, line);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Layout heading(List<Token> line) {
        List<Placed> placed = new ArrayList<>();
        Set<Column> seen = java.util.EnumSet.noneOf(Column.class);
        for (Token token : line) {
            Column column = Column.named(token.text()).orElse(null);
            Placed last = placed.isEmpty() ? null : placed.get(placed.size() - 1);
            if (column != null && !seen.contains(column)) {
                seen.add(column);
                placed.add(new Placed(column, token.left(), token.right()));
            } else if (last != null && (column == last.column() || token.left() - last.right() < HEADING_GAP)) {
                // an English heading after the Korean one, or a misread word of the same heading; a word
                // further off is more likely the misread heading of a column of its own, and is left out
                placed.set(placed.size() - 1, new Placed(last.column(), last.left(), token.right()));
            }
        }
        long core = seen.stream().filter(c -> c == Column.CODE || c == Column.DESCRIPTION || c == Column.QUANTITY
                || c == Column.UNIT).count();
        return core >= 2 && seen.contains(Column.QUANTITY) ? new Layout(List.copyOf(placed)) : Layout.none();
    }

    private Map<Column, List<Token>> cells(List<Token> line) {
        Map<Column, List<Token>> cells = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            cells.put(column, new ArrayList<>());
        }
        for (Token token : line) {
            cells.get(layout.at(token.centre())).add(token);
        }
        return cells;
    }

    private static TableRow row(int page, List<Token> line, Map<Column, List<Token>> cells) {
        Token quantity = lastNumber(cells.get(Column.QUANTITY));
        String code = Token.join(cells.get(Column.CODE));
        String description = (Token.join(cells.get(Column.DESCRIPTION)) + " " + Token.join(cells.get(Column.SPEC)))
                .strip();
        if (quantity == null || code.isEmpty() && description.isEmpty()) {
            return null;
        }
        List<Token> unitCell = cells.get(Column.UNIT);
        String unit = unitCell.isEmpty() ? null : unit(unitCell.get(0).text());
        if (unit == null) {
            // a unit written in the quantity cell ("12 EA")
            List<Token> quantityCell = cells.get(Column.QUANTITY);
            unit = unit(quantityCell.get(quantityCell.size() - 1).text());
        }
        return new TableRow(page, Token.join(line), code, description, Confusions.digits(quantity.text()),
                quantity.confidence() / 100.0, unit);
    }

    private static boolean continuesDescription(Map<Column, List<Token>> cells) {
        return !cells.get(Column.DESCRIPTION).isEmpty() && cells.entrySet().stream()
                .filter(e -> e.getKey() != Column.DESCRIPTION && e.getKey() != Column.SPEC)
                .allMatch(e -> e.getValue().isEmpty());
    }

    /** A line without a table heading: {@code [no] code description… quantity [unit]}. */
    private static TableRow withoutHeading(int page, List<Token> line) {
        List<Token> tokens = new ArrayList<>(line);
        String unit = null;
        if (!tokens.isEmpty() && unit(tokens.get(tokens.size() - 1).text()) != null) {
            unit = unit(tokens.remove(tokens.size() - 1).text());
        }
        if (tokens.size() < 2) {
            return null;
        }
        Token quantity = tokens.get(tokens.size() - 1);
        if (Confusions.digits(quantity.text()) == null) {
            return null;
        }
        tokens.remove(tokens.size() - 1);
        int codeAt = -1;
        for (int i = 0; i < tokens.size() && codeAt < 0; i++) {
            if (codeLike(tokens.get(i).text())) {
                codeAt = i;
            }
        }
        if (codeAt < 0) {
            return null;
        }
        String description = Token.join(tokens.subList(codeAt + 1, tokens.size()));
        return new TableRow(page, Token.join(line), tokens.get(codeAt).text(), description,
                Confusions.digits(quantity.text()), quantity.confidence() / 100.0, unit);
    }

    private static Token lastNumber(List<Token> cell) {
        for (int i = cell.size() - 1; i >= 0; i--) {
            if (Confusions.digits(cell.get(i).text()) != null) {
                return cell.get(i);
            }
        }
        return null;
    }

    private static boolean codeLike(String text) {
        return text.length() >= 4 && text.chars().allMatch(c -> c < 128) && text.chars().anyMatch(Character::isLetter)
                && (text.contains("-") || text.chars().anyMatch(Character::isDigit));
    }

    /** The unit, written the catalog's way (upper-case Latin), or null when the word is no unit. */
    static String unit(String word) {
        String key = word.strip().replaceAll("[.:|]", "").toUpperCase(Locale.ROOT);
        return UNITS.contains(key) ? key : null;
    }
}
