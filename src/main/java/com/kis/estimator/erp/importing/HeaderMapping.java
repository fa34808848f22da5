package com.kis.estimator.erp.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cell of a record holds which column, found from the header line in English or Korean. A file without a
 * required column, with a column twice, or with a column we do not know is refused, naming the column: a
 * misspelt header would otherwise drop its values silently (an optional column simply missing).
 */
public final class HeaderMapping {

    private final Map<String, Integer> positions;

    private HeaderMapping(Map<String, Integer> positions) {
        this.positions = positions;
    }

    public static HeaderMapping of(ImportType type, CsvRecords.Record header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cells().get(i);
            ImportType.Column column = type.columns().stream().filter(c -> c.matches(title)).findFirst().orElse(null);
            if (column == null) {
                if (!title.isBlank()) {
                    throw new ImportRejected(header.line(), title.strip(), "unknown column " + title.strip()
                            + " (the " + type.name().toLowerCase(java.util.Locale.ROOT) + " columns: " + String.join(", ",
                            type.columns().stream().map(ImportType.Column::name).toList())
                            + "; Korean headers in docs/erp-import.md)");
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
        return new HeaderMapping(positions);
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
}
