package com.kis.estimator.estimate.document;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Drawing on A4 pages in points from the top-left corner (PDF counts from the bottom), with the embedded
 * Korean font. Characters the font lacks are drawn as '?' rather than failing the whole document.
 */
final class PdfCanvas implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream page;

    PdfCanvas(PDDocument document, PDType0Font regular, PDType0Font bold) {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
    }

    void newPage() {
        try {
            close();
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draw on an already finished page again, e.g. to number pages once their count is known. */
    void reopen(int pageIndex) {
        try {
            close();
            page = new PDPageContentStream(document, document.getPage(pageIndex), AppendMode.APPEND, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pages() {
        return document.getNumberOfPages();
    }

    void text(float x, float top, float size, boolean strong, String text) {
        PDType0Font font = strong ? bold : regular;
        String safe = printable(font, text);
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, HEIGHT - top - size);
            page.showText(safe);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void textRight(float right, float top, float size, boolean strong, String text) {
        text(right - width(text, size, strong), top, size, strong, text);
    }

    void textCentered(float center, float top, float size, boolean strong, String text) {
        text(center - width(text, size, strong) / 2, top, size, strong, text);
    }

    /** The text, shortened with "…" to fit {@code maxWidth}. */
    String fit(String text, float size, float maxWidth) {
        if (text == null) {
            return "";
        }
        if (width(text, size, false) <= maxWidth) {
            return text;
        }
        String shortened = text;
        while (!shortened.isEmpty() && width(shortened + "…", size, false) > maxWidth) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }

    float width(String text, float size, boolean strong) {
        PDType0Font font = strong ? bold : regular;
        try {
            return font.getStringWidth(printable(font, text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x1, float top1, float x2, float top2, float width) {
        try {
            page.setLineWidth(width);
            page.moveTo(x1, HEIGHT - top1);
            page.lineTo(x2, HEIGHT - top2);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void box(float x, float top, float width, float height, float lineWidth) {
        try {
            page.setLineWidth(lineWidth);
            page.addRect(x, HEIGHT - top - height, width, height);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private static String printable(PDType0Font font, String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                safe.append(character);
            } catch (IOException | IllegalArgumentException missingGlyph) {
                safe.append('?');
            }
        });
        return safe.toString();
    }
}
