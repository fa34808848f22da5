package com.kis.estimator.erp.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cell of a record holds which column, found from the header line in English or Korean. A file without a
 * required column, or with a column twice, is refused; columns we do not know are reported and ignored (ERPs add
 * their own).
 */
public final class HeaderMapping {

    private final Map<String, Integer> positions;
    private final List<String> ignored;

    private HeaderMapping(Map<String, Integer> positions, List<String> ignored) {
        this.positions = positions;
        this.ignored = ignored;
    }

    public static HeaderMapping of(ImportType type, CsvRecords.Record header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cells().get(i);
            ImportType.Column column = type.columns().stream().filter(c -> c.matches(title)).findFirst().orElse(null);
            if (column == null) {
                if (!title.isBlank()) {
                    ignored.add(title.strip());
                }
            } else if (positions.putIfAbsent(column.name(), i) != null) {
                throw new ImportRejected(header.line(), title, "column " + column.name() + " appears twice");
            }
        }
        List<String> missing = type.columns().stream().filter(ImportType.Column::required)
                .map(ImportType.Column::name).filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRejected(header.line(), String.join(", ", missing),
                    "required column(s) missing: " + String.join(", ", missing) + " (see docs/erp-import.md for the headers)");
        }
        return new HeaderMapping(positions, List.copyOf(ignored));
    }

    /** The cell of {@code column} in {@code record}, stripped; null when the record is shorter or the cell empty. */
    public String cell(CsvRecords.Record record, String column) {
        Integer position = positions.get(column);
        if (position == null || position >= record.cells().size()) {
            return null;
        }
        String value = record.cells().get(position).strip();
        return value.isEmpty() ? null : value;
    }

    /** Header titles that are not one of the type's columns. */
    public List<String> ignoredColumns() {
        return ignored;
    }
}
