package com.kis.estimator.erp.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading ERP CSV files as Korean ERPs write them: encodings, RFC 4180 records, English or Korean headers. */
class CsvReadingTest {

    static final String KOREAN_PRODUCTS = """
            품목코드,품목명,규격,분류,단위,판매단가,원가,사용여부
            MCCB-3P-100,"배선용 차단기, 3P",AC 460V 100A,BREAKER,EA,152000,98000,Y
            """;

    @Nested
    class Encodings {

        @Test
        void utf8WithAndWithoutByteOrderMarkIsUtf8() {
            byte[] plain = KOREAN_PRODUCTS.getBytes(StandardCharsets.UTF_8);
            byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

            assertThat(detect(plain)).isEqualTo(StandardCharsets.UTF_8);
            assertThat(detect(bom)).isEqualTo(StandardCharsets.UTF_8);
        }

        @Test
        void cp949AndEucKrAreDetectedAndReadBack() {
            byte[] cp949 = KOREAN_PRODUCTS.getBytes(CsvEncoding.CP949);
            byte[] eucKr = KOREAN_PRODUCTS.getBytes(Charset.forName("EUC-KR"));

            assertThat(detect(cp949)).isEqualTo(CsvEncoding.CP949);
            assertThat(detect(eucKr)).isEqualTo(CsvEncoding.CP949);
            assertThat(records(new String(cp949, detect(cp949))).get(1).cells()).contains("배선용 차단기, 3P");
        }

        @Test
        void mixedEncodingsAreRefusedWithTheLine() {
            byte[] mixed = concat("품목코드,품목명\n".getBytes(StandardCharsets.UTF_8),
                    "A-1,배선용 차단기\n".getBytes(CsvEncoding.CP949));

            assertThatThrownBy(() -> detect(mixed)).isInstanceOf(ImportRejected.class)
                    .hasMessageContaining("neither UTF-8 nor CP949")
                    .satisfies(e -> assertThat(((ImportRejected) e).line()).isEqualTo(2));
        }
    }

    @Nested
    class Records {

        @Test
        void quotesDoubledQuotesLineBreaksInsideQuotesAndCrlf() {
            List<CsvRecords.Record> records = records(
                    "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,end");

            assertThat(records).hasSize(3);
            assertThat(records.get(1).cells()).containsExactly("x, y", "say \"hi\"", "two\nlines");
            assertThat(records.get(2).cells()).containsExactly("last", "", "end");
            assertThat(records.get(2).line()).as("line numbers count the break inside quotes").isEqualTo(4);
        }

        @Test
        void anUnclosedQuoteIsATruncatedFile() {
            assertThatThrownBy(() -> records("a,b\n1,\"never closed\n"))
                    .isInstanceOf(ImportRejected.class).hasMessageContaining("truncated")
                    .satisfies(e -> assertThat(((ImportRejected) e).line()).isEqualTo(2));
        }

        @Test
        void anEmptyFileHasNoRecordsAndAByteOrderMarkIsSkipped() {
            assertThat(records("")).isEmpty();
            assertThat(records("\uFEFFproduct_code\nA").get(0).cells()).containsExactly("product_code");
        }
    }

    @Nested
    class Headers {

        @Test
        void koreanAndEnglishHeadersMapToTheSameColumns() {
            List<CsvRecords.Record> korean = records(KOREAN_PRODUCTS);
            List<CsvRecords.Record> english = records("""
                    Product Code,NAME,spec,category,unit,list-price,cost,active
                    MCCB-3P-100,차단기,,BREAKER,EA,152000,98000,Y
                    """);

            HeaderMapping fromKorean = HeaderMapping.of(ImportType.PRODUCTS, korean.get(0));
            HeaderMapping fromEnglish = HeaderMapping.of(ImportType.PRODUCTS, english.get(0));

            assertThat(fromKorean.cell(korean.get(1), "list_price")).isEqualTo("152000");
            assertThat(fromKorean.cell(korean.get(1), "name")).isEqualTo("배선용 차단기, 3P");
            assertThat(fromEnglish.cell(english.get(1), "product_code")).isEqualTo("MCCB-3P-100");
            assertThat(fromEnglish.cell(english.get(1), "spec")).isNull();
        }

        @Test
        void anUnknownColumnIsRefusedByName() {
            assertThatThrownBy(() -> HeaderMapping.of(ImportType.PRODUCTS, records(
                    "product_code,name,category,unit,list_price,cost,ERP_internal_id\n").get(0)))
                    .isInstanceOf(ImportRejected.class).hasMessageContaining("unknown column ERP_internal_id")
                    .satisfies(e -> assertThat(((ImportRejected) e).column()).isEqualTo("ERP_internal_id"));
        }

        @Test
        void missingRequiredAndDuplicateColumnsAreRefusedByName() {
            assertThatThrownBy(() -> HeaderMapping.of(ImportType.PRICES, records("단가표,품목코드,적용시작일\n").get(0)))
                    .isInstanceOf(ImportRejected.class).hasMessageContaining("price")
                    .satisfies(e -> assertThat(((ImportRejected) e).column()).isEqualTo("price"));
            assertThatThrownBy(() -> HeaderMapping.of(ImportType.CUSTOMERS,
                    records("거래처코드,customer_code,거래처명,사업자등록번호,등급\n").get(0)))
                    .hasMessageContaining("customer_code appears twice");
        }
    }

    private static Charset detect(byte[] bytes) {
        return CsvEncoding.detect(() -> new ByteArrayInputStream(bytes));
    }

    private static List<CsvRecords.Record> records(String text) {
        List<CsvRecords.Record> records = new ArrayList<>();
        new CsvRecords(new StringReader(text)).forEachRemaining(records::add);
        return records;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

}
