package com.kis.estimator.ocr.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.kis.estimator.ocr.engine.GreyPage;

/** Turns a rendered page into what the engines read and what a reviewer looks at. */
public final class PagePixels {

    private PagePixels() {
    }

    /** The page's grey bytes, row by row without padding. */
    public static GreyPage grey(PageImage page) {
        BufferedImage image = RasterPages.grey(page.image());
        byte[] pixels = (byte[]) image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), null);
        return new GreyPage(image.getWidth(), image.getHeight(), page.dpi(), pixels);
    }

    /** A reduced PNG of the page, {@code width} pixels wide, for the review form and the API. */
    public static byte[] preview(BufferedImage page, int width) {
        double scale = Math.min(1.0, (double) width / page.getWidth());
        int w = Math.max(1, (int) Math.round(page.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(page.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(page, 0, 0, w, h, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(small, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
