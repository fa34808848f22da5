package com.kis.estimator.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Request-for-quotation pages as a customer would scan them: drawn with Java2D at 300 dpi on A4, a Korean and
 * English header and a ruled table of items. The tests know exactly what is on the page, so they can count how
 * much of it the OCR and the extraction got right.
 */
public final class RfqPages {

    public static final int DPI = 300;
    private static final int WIDTH = 2480;
    private static final int HEIGHT = 3508;
    private static final Font REGULAR = font("/fonts/NanumGothic.ttf");
    private static final Font BOLD = font("/fonts/NanumGothicBold.ttf");

    public record Item(String code, String description, int quantity, String unit) {
    }

    public record Rfq(String documentNumber, LocalDate date, String customerName, String businessRegistrationNumber,
            List<Item> items) {
    }

    private RfqPages() {
    }

    /** One A4 page at 300 dpi, black on white, 8-bit grey. */
    public static BufferedImage page(Rfq rfq) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);

        int left = 200;
        g.setFont(BOLD.deriveFont(points(20)));
        g.drawString("견 적 요 청 서  (REQUEST FOR QUOTATION)", left, 330);
        g.setFont(REGULAR.deriveFont(points(11)));
        g.drawString("문서번호 No.: " + rfq.documentNumber(), left, 520);
        g.drawString("요청일자 Date: " + rfq.date(), 1450, 520);
        g.drawString("고객사 Customer: " + rfq.customerName(), left, 610);
        g.drawString("사업자등록번호: " + rfq.businessRegistrationNumber(), 1450, 610);
        g.drawString("아래 품목에 대한 견적을 요청합니다. Please quote the items below.", left, 740);

        int[] columns = {left, 360, 900, 1650, 1900, 2280};
        String[] headings = {"No", "품목코드 Code", "품명 Description", "수량 Qty", "단위 Unit"};
        int rowHeight = 100;
        int top = 850;
        g.setStroke(new BasicStroke(3));
        int rows = rfq.items().size() + 1;
        for (int r = 0; r <= rows; r++) {
            g.drawLine(columns[0], top + r * rowHeight, columns[columns.length - 1], top + r * rowHeight);
        }
        for (int x : columns) {
            g.drawLine(x, top, x, top + rows * rowHeight);
        }
        g.setFont(BOLD.deriveFont(points(10)));
        for (int c = 0; c < headings.length; c++) {
            g.drawString(headings[c], columns[c] + 25, top + 65);
        }
        g.setFont(REGULAR.deriveFont(points(10)));
        for (int i = 0; i < rfq.items().size(); i++) {
            Item item = rfq.items().get(i);
            int baseline = top + (i + 1) * rowHeight + 65;
            g.drawString(String.valueOf(i + 1), columns[0] + 25, baseline);
            g.drawString(item.code(), columns[1] + 25, baseline);
            g.drawString(item.description(), columns[2] + 25, baseline);
            String quantity = String.format("%,d", item.quantity());
            g.drawString(quantity, columns[4] - 30 - g.getFontMetrics().stringWidth(quantity), baseline);
            g.drawString(item.unit(), columns[4] + 25, baseline);
        }
        int end = top + rows * rowHeight + 150;
        g.setFont(REGULAR.deriveFont(points(10)));
        g.drawString("납기: 발주 후 4주 이내   Delivery within 4 weeks of order", left, end);
        g.dispose();
        return image;
    }

    /** The page as a scanner with a crooked feed would deliver it: turned by {@code degrees}, with speckles. */
    public static BufferedImage scanned(BufferedImage page, double degrees, long seed) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        Random random = new Random(seed);
        for (int i = 0; seed >= 0 && i < 6000; i++) {
            int shade = random.nextInt(160);
            g.setColor(new Color(shade, shade, shade));
            g.fillRect(random.nextInt(out.getWidth()), random.nextInt(out.getHeight()), 1 + random.nextInt(3),
                    1 + random.nextInt(3));
        }
        g.dispose();
        return out;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A scanned PDF: each page one image at 300 dpi on A4. */
    public static byte[] pdf(List<BufferedImage> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multi-page TIFF, as fax servers and office scanners write them. */
    public static byte[] tiff(List<BufferedImage> pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static float points(double size) {
        return (float) (size * DPI / 72.0);
    }

    private static Font font(String resource) {
        try (InputStream in = RfqPages.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("font " + resource, e);
        }
    }
}
