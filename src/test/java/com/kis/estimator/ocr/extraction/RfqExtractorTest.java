package com.kis.estimator.ocr.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kis.estimator.ocr.RfqSamples;
import com.kis.estimator.ocr.engine.OcrWord;
import com.kis.estimator.ocr.engine.RecognizedPage;

/**
 * The extraction on pages written word by word, as Tesseract would deliver them, with the misreadings it is
 * known for: no Tesseract needed.
 */
class RfqExtractorTest {

    private final RfqExtractor extractor = new RfqExtractor(RfqSamples.PRODUCTS, RfqSamples.CUSTOMERS);
    private final List<OcrWord> words = new ArrayList<>();
    private int line;

    @Test
    void readsHeaderAndTableUnderItsHeadings() {
        line("견적요청서@200");
        line("문서번호@200", "No.:@390", "RFQ-2026-0412@490", "요청일자@1450", "Date:@1640", "2026-11-20@1765");
        line("고객사@200", "(주)한빛전기공사@580", "사업자등록번호:@1450", "101-81-23455@1785");
        line("No@230", "품목코드@386", "Code@560", "품명@926", "Description@1020", "수량@1676", "Qty@1768",
                "단위@1929", "Unit@2019");
        line("1@230", "MCCB-3P-1OO@386", "배선용@926", "차단기@1030", "3P@1150", "100A@1210", "12@1830", "|@1890",
                "EA@1929");
        // a Korean name cut into syllables, a number inside the description, the quantity glued to the rule
        line("2@230", "PNL-DB-24@386", "분@926", "전@960", "반@994", "24@1064", "회로@1100", "6|@1840", "면@1929");
        line("3@230", "CBL-FCV-6-4C@386", "F-CV@926", "케이블@1030", "6SQ@1150", "4C@1230", "1,500@1760", "M@1929");
        // an unreadable code, but the description names the product
        line("4@230", "0540@386", "가@480", "1222@520", "HI@926", "전선관@980", "22mm@1100", "300@1810", "=@1929");
        line("납기:@205", "발주@307", "후@413", "4주@445", "이내@524");

        ExtractedRfq rfq = extractor.extract(List.of(page()), null);

        assertThat(rfq.documentNumber().value()).isEqualTo("RFQ-2026-0412");
        assertThat(rfq.documentDate().value()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(rfq.customer().code()).isEqualTo("C-HANBIT");
        assertThat(rfq.customer().matchedBy()).isEqualTo("REGISTRATION_NUMBER");
        assertThat(rfq.lines()).extracting(ExtractedRfq.Line::productCode)
                .containsExactly("MCCB-3P-100", "PNL-DB-24", "CBL-FCV-6-4C", "CND-HI-22");
        assertThat(rfq.lines()).extracting(ExtractedRfq.Line::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal(12), new BigDecimal(6), new BigDecimal(1500), new BigDecimal(300));
        assertThat(rfq.lines()).extracting(ExtractedRfq.Line::unit).containsExactly("EA", "면", "M", "본");
        assertThat(rfq.lines().get(3).unitRead()).isFalse();
        assertThat(rfq.lines().get(0).confidence()).isGreaterThanOrEqualTo(RfqExtractor.CONFIRM_THRESHOLD);
        assertThat(rfq.lines().get(3).confidence()).isLessThan(rfq.lines().get(0).confidence());
        assertThat(rfq.lines().get(0).candidates()).first()
                .satisfies(candidate -> assertThat(candidate.productCode()).isEqualTo("MCCB-3P-100"));
    }

    @Test
    void theTableGoesOnOnTheNextPageWithoutItsHeading() {
        line("품목코드@386", "품명@926", "수량@1676", "단위@1929");
        line("1@230", "ELB-2P-20@386", "누전@926", "차단기@1030", "40@1830", "EA@1929");
        RecognizedPage first = page();
        words.clear();
        line("2@230", "MC-65@386", "전자@926", "접촉기@1030", "65A@1150", "15@1830", "EA@1929");
        // the description runs onto a second line of its cell
        line("(단상)@926");

        ExtractedRfq rfq = extractor.extract(List.of(first, page()), "C-SEJIN");

        assertThat(rfq.lines()).extracting(ExtractedRfq.Line::productCode).containsExactly("ELB-2P-20", "MC-65");
        assertThat(rfq.lines().get(1).page()).isEqualTo(2);
        assertThat(rfq.lines().get(1).description()).endsWith("(단상)");
        assertThat(rfq.customer().code()).isEqualTo("C-SEJIN");
        assertThat(rfq.customer().matchedBy()).isEqualTo("GIVEN");
    }

    @Test
    void withoutHeadingsARowIsACodeAndANumberAtTheEnd() {
        line("고객:@200", "대성전력@300", "(주)@480");
        line("1.@200", "ELB-3P-1OO@300", "누전차단기@600", "20@1500", "EA@1600");
        line("Delivery@200", "within@400", "4@600", "weeks@700");

        ExtractedRfq rfq = extractor.extract(List.of(page()), null);

        assertThat(rfq.lines()).singleElement().satisfies(l -> {
            assertThat(l.productCode()).isEqualTo("ELB-3P-100");
            assertThat(l.quantity()).isEqualByComparingTo("20");
        });
        assertThat(rfq.customer().code()).isEqualTo("C-DAESUNG");
        assertThat(rfq.customer().matchedBy()).isEqualTo("NAME");
    }

    @Test
    void ocrConfusionsFoldAwayOnBothSides() {
        assertThat(Confusions.codeKey("MCCB-3P-1OO")).isEqualTo(Confusions.codeKey("MCCB-3P-100"));
        assertThat(Confusions.codeKey("5PD-3P-40")).isEqualTo(Confusions.codeKey("SPD-3P-40"));
        assertThat(Confusions.codeKey("Mc 65")).isEqualTo(Confusions.codeKey("MC-65"));
        assertThat(Confusions.textKey("분 전 반 24 회 로")).isEqualTo(Confusions.textKey("분전반 24회로"));
        assertThat(Confusions.digits("1,500")).isEqualTo("1500");
        assertThat(Confusions.digits("1O")).isEqualTo("10");
        assertThat(Confusions.digits("l5|")).isEqualTo("15");
        assertThat(Confusions.digits("12.5")).isEqualTo("12.5");
        assertThat(Confusions.digits("EA")).isNull();
        assertThat(Confusions.digits("SOS")).isNull();
    }

    /** Words as {@code text@left}; each call is the next text line, 40 pixels high. */
    private void line(String... placed) {
        line++;
        for (String word : placed) {
            String text = word.substring(0, word.lastIndexOf('@'));
            int left = Integer.parseInt(word.substring(word.lastIndexOf('@') + 1));
            int width = 30 * text.codePointCount(0, text.length());
            words.add(new OcrWord(text, left, 100 * line, width, 40, 90, 1, 1, line));
        }
    }

    private RecognizedPage page() {
        return new RecognizedPage(words, 88, 1000);
    }
}
