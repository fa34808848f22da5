package com.kis.estimator.erp.importing;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Writing CSV as the import reads it: rows that came as JSON (the push API, the ERP pull) become a file. */
public final class CsvLines {

    private CsvLines() {
    }

    /** One line, RFC 4180 quoting where a cell needs it, ending in LF. */
    public static String line(List<String> cells) {
        StringBuilder csv = new StringBuilder();
        for (Iterator<String> it = cells.iterator(); it.hasNext();) {
            String cell = it.next();
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
            if (it.hasNext()) {
                csv.append(',');
            }
        }
        return csv.append('\n').toString();
    }

    /**
     * A JSON value as a cell: strings as they are, numbers plain, booleans Y / N, null or absent empty.
     *
     * @throws IllegalArgumentException for an object or array
     */
    public static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "Y" : "N";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new IllegalArgumentException("must be a string, number or boolean");
    }
}
