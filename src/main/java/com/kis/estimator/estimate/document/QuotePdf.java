package com.kis.estimator.estimate.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.kis.estimator.catalog.BusinessRegistrationNumber;

/**
 * Renders the 견적서 in the usual Korean layout: title, estimate number and dates, the customer (귀하) and the
 * supplier block (공급자) with registration numbers, the total in words and figures, the line table across as
 * many pages as needed, then 소계 / 할인 / 공급가액 / 부가세 / 합계 and the note. NanumGothic (SIL OFL, shipped in
 * {@code fonts/}) is embedded as a subset, so the PDF shows the same everywhere.
 */
@Component
public class QuotePdf {

    private static final float MARGIN = 40;
    private static final float RIGHT = PdfCanvas.WIDTH - MARGIN;
    private static final float ROW = 18;
    private static final float PAGE_BOTTOM = 790;
    private static final DateTimeFormatter KOREAN_DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일");
    /** Column left edges and the table's right edge: 번호, 품명, 규격, 단위, 수량, 단가, 금액, 비고. */
    private static final float[] COLUMNS = {40, 62, 202, 307, 335, 380, 442, 512, 555};
    private static final String[] HEADINGS = {"번호", "품명", "규격", "단위", "수량", "단가", "금액", "비고"};

    private final SupplierProperties supplier;
    private final byte[] regularFont;
    private final byte[] boldFont;

    QuotePdf(SupplierProperties supplier) {
        this.supplier = supplier;
        this.regularFont = read("fonts/NanumGothic.ttf");
        this.boldFont = read("fonts/NanumGothicBold.ttf");
    }

    public byte[] render(Quote quote) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("견적서 " + quote.number());
            info.setAuthor(supplier.name());
            PDType0Font regular = PDType0Font.load(document, new ByteArrayInputStream(regularFont), true);
            PDType0Font bold = PDType0Font.load(document, new ByteArrayInputStream(boldFont), true);
            try (PdfCanvas canvas = new PdfCanvas(document, regular, bold)) {
                canvas.newPage();
                float top = header(canvas, quote);
                top = lines(canvas, quote, top);
                totals(canvas, quote, top);
                pageNumbers(canvas, quote.number());
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render quote " + quote.number(), e);
        }
    }

    private float header(PdfCanvas canvas, Quote quote) {
        canvas.textCentered(PdfCanvas.WIDTH / 2, 40, 24, true, "견   적   서");
        canvas.line(MARGIN, 78, RIGHT, 78, 1.2f);

        canvas.text(MARGIN, 95, 10, false, "견적번호: " + quote.number() + (quote.revision() > 1 ? " (개정 " + quote.revision() + ")" : ""));
        canvas.text(MARGIN, 111, 10, false, "견적일자: " + KOREAN_DATE.format(quote.date()));
        canvas.text(MARGIN, 127, 10, false, "유효기간: " + KOREAN_DATE.format(quote.validUntil()) + "까지");
        canvas.text(MARGIN, 155, 14, true, canvas.fit(quote.customerName(), 14, 200) + " 귀하");
        canvas.line(MARGIN, 175, 280, 175, 0.6f);
        canvas.text(MARGIN, 182, 9, false, "사업자등록번호: " + quote.customerRegistrationNumber());
        canvas.text(MARGIN, 205, 10, false, "아래와 같이 견적합니다.");

        float boxLeft = 300;
        float labelWidth = 62;
        String[][] rows = {
                {"등록번호", BusinessRegistrationNumber.format(supplier.businessRegistrationNumber())},
                {"상호", supplier.name()},
                {"대표자", supplier.representative()},
                {"주소", supplier.address()},
                {"업태/종목", supplier.businessType() + " / " + supplier.businessItem()},
                {"전화", supplier.phone()}};
        canvas.text(boxLeft, 84, 8, true, "공급자");
        for (int i = 0; i < rows.length; i++) {
            float rowTop = 95 + i * ROW;
            canvas.box(boxLeft, rowTop, labelWidth, ROW, 0.5f);
            canvas.box(boxLeft + labelWidth, rowTop, RIGHT - boxLeft - labelWidth, ROW, 0.5f);
            canvas.text(boxLeft + 5, rowTop + 5, 8.5f, true, rows[i][0]);
            canvas.text(boxLeft + labelWidth + 5, rowTop + 5, 8.5f, false,
                    canvas.fit(rows[i][1], 8.5f, RIGHT - boxLeft - labelWidth - 10));
        }

        float bannerTop = 228;
        canvas.box(MARGIN, bannerTop, RIGHT - MARGIN, 28, 1);
        canvas.text(MARGIN + 8, bannerTop + 9, 10, true, "합계금액 (부가세 포함)");
        canvas.textRight(RIGHT - 8, bannerTop + 8, 11, true,
                KoreanAmount.inWords(quote.total()) + "  (₩" + KoreanAmount.inFigures(quote.total()) + ")");
        return tableHeading(canvas, 270);
    }

    private float tableHeading(PdfCanvas canvas, float top) {
        canvas.line(MARGIN, top, RIGHT, top, 1);
        for (int i = 0; i < HEADINGS.length; i++) {
            canvas.textCentered((COLUMNS[i] + COLUMNS[i + 1]) / 2, top + 5, 8.5f, true, HEADINGS[i]);
        }
        canvas.line(MARGIN, top + ROW, RIGHT, top + ROW, 0.8f);
        return top + ROW;
    }

    private float lines(PdfCanvas canvas, Quote quote, float top) {
        for (Quote.Line line : quote.lines()) {
            if (top + ROW > PAGE_BOTTOM) {
                canvas.newPage();
                top = tableHeading(canvas, MARGIN + 20);
            }
            float textTop = top + 5;
            canvas.textCentered((COLUMNS[0] + COLUMNS[1]) / 2, textTop, 8, false, Integer.toString(line.lineNo()));
            canvas.text(COLUMNS[1] + 3, textTop, 8, false, canvas.fit(line.name(), 8, COLUMNS[2] - COLUMNS[1] - 6));
            canvas.text(COLUMNS[2] + 3, textTop, 8, false, canvas.fit(line.spec(), 8, COLUMNS[3] - COLUMNS[2] - 6));
            canvas.textCentered((COLUMNS[3] + COLUMNS[4]) / 2, textTop, 8, false, canvas.fit(line.unit(), 8, 24));
            canvas.textRight(COLUMNS[5] - 3, textTop, 8, false, KoreanAmount.inFigures(line.quantity()));
            canvas.textRight(COLUMNS[6] - 3, textTop, 8, false, KoreanAmount.inFigures(line.unitPrice()));
            canvas.textRight(COLUMNS[7] - 3, textTop, 8, false, KoreanAmount.inFigures(line.amount()));
            canvas.text(COLUMNS[7] + 3, textTop, 7, false, canvas.fit(line.note(), 7, COLUMNS[8] - COLUMNS[7] - 6));
            top += ROW;
            canvas.line(MARGIN, top, RIGHT, top, 0.2f);
        }
        return top;
    }

    private void totals(PdfCanvas canvas, Quote quote, float top) {
        float needed = 5 * ROW + 50;
        if (top + needed > PAGE_BOTTOM) {
            canvas.newPage();
            top = MARGIN + 20;
        }
        top += 8;
        String discountLabel = "할인" + (quote.discountRate().signum() > 0
                ? " (" + quote.discountRate().stripTrailingZeros().toPlainString() + "%)" : "");
        Object[][] rows = {
                {"소계", quote.subtotal()},
                {discountLabel, quote.discountAmount().negate()},
                {"공급가액", quote.supplyAmount()},
                {"부가세 (10%)", quote.vat()},
                {"합계", quote.total()}};
        float left = COLUMNS[5];
        float split = COLUMNS[6];
        for (int i = 0; i < rows.length; i++) {
            boolean last = i == rows.length - 1;
            float rowTop = top + i * ROW;
            canvas.box(left, rowTop, split - left, ROW, 0.5f);
            canvas.box(split, rowTop, COLUMNS[8] - split, ROW, 0.5f);
            canvas.text(left + 5, rowTop + 5, 8.5f, last, (String) rows[i][0]);
            canvas.textRight(COLUMNS[8] - 5, rowTop + 5, 8.5f, last, KoreanAmount.inFigures((BigDecimal) rows[i][1]));
        }
        if (quote.note() != null && !quote.note().isBlank()) {
            canvas.text(MARGIN, top + 5 * ROW + 14, 9, false,
                    canvas.fit("비고: " + quote.note(), 9, RIGHT - MARGIN));
        }
    }

    private static void pageNumbers(PdfCanvas canvas, String number) {
        int pages = canvas.pages();
        for (int i = 0; i < pages; i++) {
            canvas.reopen(i);
            canvas.textCentered(PdfCanvas.WIDTH / 2, 812, 7.5f, false, number + "  ·  " + (i + 1) + " / " + pages);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + resource + " is missing from the application", e);
        }
    }

    /** What goes on the document; built from an estimate revision. */
    public record Quote(String number, int revision, LocalDate date, LocalDate validUntil, String customerName,
            String customerRegistrationNumber, List<Line> lines, BigDecimal subtotal, BigDecimal discountRate,
            BigDecimal discountAmount, BigDecimal supplyAmount, BigDecimal vat, BigDecimal total, String note) {

        public record Line(int lineNo, String name, String spec, String unit, BigDecimal quantity,
                BigDecimal unitPrice, BigDecimal amount, String note) {
        }
    }
}
