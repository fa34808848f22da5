package com.kis.estimator.ocr.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

import com.recognition.software.jdeskew.ImageDeskew;

/**
 * Straightens a page fed in crooked. Tesseract's line finding breaks down at a couple of degrees: a table row
 * drifts into the next one. The angle is found by Tess4J's Hough transform ({@link ImageDeskew}, plain Java) on
 * a reduced copy, since the angle does not depend on the resolution; the page is then turned back with a white
 * fill, so that the corners do not turn into black wedges that Tesseract would try to read.
 */
public final class Deskew {

    /** Below this the turn costs more than it gains. */
    private static final double NEGLIGIBLE_DEGREES = 0.15;
    private static final int ANGLE_SAMPLE_WIDTH = 1000;

    private Deskew() {
    }

    /** The page's skew in degrees (positive: turned clockwise), found on a copy at most 1000 pixels wide. */
    public static double angle(BufferedImage page) {
        return new ImageDeskew(reduced(page)).getSkewAngle();
    }

    /** The page turned back by {@code angle} degrees; the page itself when the angle is negligible. */
    public static BufferedImage straighten(BufferedImage page, double angle) {
        if (Math.abs(angle) < NEGLIGIBLE_DEGREES) {
            return page;
        }
        BufferedImage straight = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = straight.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(-angle), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        return straight;
    }

    private static BufferedImage reduced(BufferedImage page) {
        if (page.getWidth() <= ANGLE_SAMPLE_WIDTH) {
            return page;
        }
        double scale = (double) ANGLE_SAMPLE_WIDTH / page.getWidth();
        int height = Math.max(1, (int) Math.round(page.getHeight() * scale));
        BufferedImage small = new BufferedImage(ANGLE_SAMPLE_WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, 0, 0, ANGLE_SAMPLE_WIDTH, height, null);
        g.dispose();
        return small;
    }
}
