package com.kis.estimator.erp.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** docs/erp-import.md lists every column and Korean alias the code accepts, and nothing else. */
class ImportFormatDocumentTest {

    @Test
    void docsListTheColumnsAndAliasesTheCodeAccepts() throws IOException {
        String document = Files.readString(Path.of("docs/erp-import.md"));
        StringBuilder table = new StringBuilder();
        for (ImportType type : ImportType.values()) {
            for (ImportType.Column column : type.columns()) {
                table.append("| ").append(type.name().toLowerCase(Locale.ROOT)).append(" | `").append(column.name())
                        .append("` | ").append(column.required() ? "✔" : "").append(" | ")
                        .append(String.join(", ", column.koreanAliases())).append(" |\n");
            }
        }

        assertThat(document).as("docs/erp-import.md must contain:%n%s", table).contains(table);
    }
}
