package com.kis.estimator.erp.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.erp.importing.CsvLines;
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
        StringBuilder csv = new StringBuilder(CsvLines.line(new ArrayList<>(columns)));
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                try {
                    cells.add(CsvLines.cell(rows.get(i).get(column)));
                } catch (IllegalArgumentException e) {
                    throw ApiProblemException.invalidField("rows[" + i + "]." + column, e.getMessage());
                }
            }
            csv.append(CsvLines.line(cells));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
