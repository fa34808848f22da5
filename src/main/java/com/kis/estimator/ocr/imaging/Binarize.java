package com.kis.estimator.ocr.imaging;

import java.awt.image.BufferedImage;

/**
 * Black and white at Otsu's threshold (the one that best separates the page's two populations of grey). Done
 * after the page is turned straight: the turn's interpolation leaves grey fringes on every rule and speck,
 * which neither the speck filter nor the rule eraser would see as dark, and which Tesseract then reads.
 */
public final class Binarize {

    private Binarize() {
    }

    public static BufferedImage otsu(BufferedImage greyPage) {
        int width = greyPage.getWidth();
        int height = greyPage.getHeight();
        byte[] pixels = (byte[]) greyPage.getRaster().getDataElements(0, 0, width, height, null);
        int threshold = threshold(pixels);
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xff) <= threshold ? 0 : (byte) 0xff;
        }
        BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        binary.getRaster().setDataElements(0, 0, width, height, out);
        return binary;
    }

    static int threshold(byte[] pixels) {
        long[] histogram = new long[256];
        for (byte pixel : pixels) {
            histogram[pixel & 0xff]++;
        }
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        long total = pixels.length;
        long background = 0;
        double backgroundSum = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            background += histogram[t];
            if (background == 0) {
                continue;
            }
            long foreground = total - background;
            if (foreground == 0) {
                break;
            }
            backgroundSum += (double) t * histogram[t];
            double meanBackground = backgroundSum / background;
            double meanForeground = (sum - backgroundSum) / foreground;
            double between = (double) background * foreground * (meanBackground - meanForeground)
                    * (meanBackground - meanForeground);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
