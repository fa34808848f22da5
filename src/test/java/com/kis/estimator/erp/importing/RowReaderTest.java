package com.kis.estimator.erp.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** One product row's cells read as the import reads them: what passes, and what is refused with its column. */
class RowReaderTest {

    private static final String HEADER = "product_code,name,spec,category,unit,list_price,cost,active\n";

    private static RowReader row(String line) {
        CsvRecords records = new CsvRecords(new StringReader(HEADER + line + "\n"));
        HeaderMapping header = HeaderMapping.of(ImportType.PRODUCTS, records.next());
        return new RowReader(header).at(records.next());
    }

    @Test
    void aGoodRowParsesWithThousandsSeparatorsKoreanFlagsAndALoneDash() {
        Object[] values = new ProductRows().parse(row("A-1,차단기,-,BREAKER,EA,\"152,000\",98000.00,미사용"));

        assertThat(values).containsExactly("A-1", "차단기", "-", "BREAKER", "EA", new BigDecimal("152000"),
                new BigDecimal("98000"), false);
    }

    @Test
    void everyBadCellOfARowIsReportedWithItsColumn() {
        RowReader reader = row("A-2,=cmd|' /C calc'!A0,+x,@SUM(1),EA,-5,12.5,maybe");

        assertThat(new ProductRows().parse(reader)).isNull();
        assertThat(reader.problems()).extracting(RowProblem::column)
                .containsExactly("name", "spec", "category", "list_price", "cost", "active");
        assertThat(reader.problems()).allSatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.key()).isEqualTo("A-2");
        });
        assertThat(reader.problems().get(0).reason()).contains("formula");
        assertThat(reader.problems().get(3).reason()).contains("negative");
        assertThat(reader.problems().get(4).reason()).contains("whole won");
    }

    @Test
    void datesAreReadInTheWaysKoreanErpsWriteThem() {
        CsvRecords records = new CsvRecords(new StringReader(
                "price_list,product_code,price,valid_from,valid_to\nPL,A,1,2026.01.02,20261231\nPL,A,1,2026-02-30,\n"));
        RowReader reader = new RowReader(HeaderMapping.of(ImportType.PRICES, records.next()));

        assertThat(new PriceRows().parse(reader.at(records.next())))
                .containsExactly("PL", "A", BigDecimal.ONE, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 31));
        assertThat(new PriceRows().parse(reader.at(records.next()))).isNull();
        assertThat(reader.problems()).extracting(RowProblem::column).containsExactly("valid_from");
    }
}
