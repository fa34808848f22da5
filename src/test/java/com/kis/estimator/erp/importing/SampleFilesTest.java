package com.kis.estimator.erp.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kis.estimator.platform.crypto.ColumnCipher;

/** The sample files in docs/samples read as an import reads them: every row valid, as the docs promise. */
class SampleFilesTest {

    private static final String KEY = "a2lzLWRlbW8tb25seS1jb2x1bW4ta2V5LTAwMDAwMDE=";

    @ParameterizedTest
    @CsvSource({"products.csv, PRODUCTS, 4", "products-cp949.csv, PRODUCTS, 4", "customers.csv, CUSTOMERS, 2",
            "prices.csv, PRICES, 3"})
    void everySampleRowIsValid(String file, ImportType type, int rows) {
        RowParser parser = switch (type) {
            case PRODUCTS -> new ProductRows();
            case CUSTOMERS -> new CustomerRows(new ColumnCipher(Map.of("k", KEY), "k", KEY));
            case PRICES -> new PriceRows();
        };
        List<Object[]> parsed = new ArrayList<>();
        try (ImportFile sample = ImportFile.open(Path.of("docs/samples", file), type, null)) {
            RowReader reader = new RowReader(sample.header());
            sample.rows().forEachRemaining(record -> {
                Object[] values = parser.parse(reader.at(record));
                assertThat(reader.problems()).as(file + " line " + record.line()).isEmpty();
                parsed.add(values);
            });
            assertThat(sample.charset()).isEqualTo(file.contains("cp949") ? CsvEncoding.CP949
                    : java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(parsed).hasSize(rows);
    }
}
