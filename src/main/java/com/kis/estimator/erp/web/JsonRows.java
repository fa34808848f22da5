package com.kis.estimator.erp.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.platform.web.ApiProblemException;

/**
 * An import pushed as JSON, written as the CSV file the import reads: an array of objects (or {@code {"rows":
 * [...]}}) whose keys are the column headers, English or Korean. The columns are the keys in the order first
 * seen; values are strings, numbers or booleans (written Y / N).
 */
final class JsonRows {

    private JsonRows() {
    }

    static byte[] toCsv(JsonNode body) {
        JsonNode rows = body != null && body.isObject() && body.has("rows") ? body.get("rows") : body;
        if (rows == null || !rows.isArray()) {
            throw ApiProblemException.invalidField("rows", "the body must be an array of rows (objects), or {\"rows\": [...]}");
        }
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isObject()) {
                throw ApiProblemException.invalidField("rows[" + i + "]", "each row must be an object");
            }
            rows.get(i).fieldNames().forEachRemaining(columns::add);
        }
        StringBuilder csv = new StringBuilder();
        appendLine(csv, new ArrayList<>(columns));
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(cell(rows.get(i).get(column), "rows[" + i + "]." + column));
            }
            appendLine(csv, cells);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(JsonNode value, String field) {
        if (value == null || value.isNull()) {
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
        throw ApiProblemException.invalidField(field, "must be a string, number or boolean");
    }

    private static void appendLine(StringBuilder csv, List<String> cells) {
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
        csv.append('\n');
    }
}
