package com.kis.estimator.erp.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: a workbook's shared strings are held in memory, so they are read only up to a limit, counted as they
 * unpack, not as the zip declares them. Twenty thousand names of 100 random syllables: about 6 MB of text.
 */
class XlsxToCsvTest {

    @TempDir
    Path folder;

    @Test
    void sharedStringsBeyondTheLimitAreRefusedAndWithinItConverted() throws Exception {
        Path xlsx = folder.resolve("names.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = book.createSheet("품목");
            java.util.Random random = new java.util.Random(23);
            for (int n = 0; n < 20_000; n++) {
                StringBuilder name = new StringBuilder(String.format("%06d", n));
                for (int i = 0; i < 100; i++) {
                    name.append((char) ('가' + random.nextInt(11_172)));
                }
                sheet.createRow(n).createCell(0).setCellValue(name.toString());
            }
            book.write(out);
        }
        Path csv = folder.resolve("names.csv");

        assertThatThrownBy(() -> XlsxToCsv.convert(xlsx, csv, 1_000_000))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("shared strings")
                .hasMessageContaining("1000000 bytes");

        XlsxToCsv.convert(xlsx, csv, 50_000_000);
        assertThat(Files.readAllLines(csv)).hasSize(20_000).first().asString().startsWith("000000");
    }
}
