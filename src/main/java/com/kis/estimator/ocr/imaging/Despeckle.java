package com.kis.estimator.ocr.imaging;

import java.awt.image.BufferedImage;

/**
 * Removes the dust of a dirty scan: isolated dark specks far smaller than any mark of writing. Tesseract takes
 * them for diacritics and lets them pull whole table rows out of line. A speck is an 8-connected group of dark
 * pixels no larger than {@code (dpi / 100)²} pixels, about a tenth of a millimetre square; a full stop at 8 pt
 * is several times that, so punctuation stays.
 */
public final class Despeckle {

    private static final int DARK = 128;

    private Despeckle() {
    }

    /** The page with its specks turned white; the page itself is not changed. */
    public static BufferedImage clean(BufferedImage greyPage, int dpi) {
        int width = greyPage.getWidth();
        int height = greyPage.getHeight();
        byte[] pixels = (byte[]) greyPage.getRaster().getDataElements(0, 0, width, height, null);
        int maxArea = Math.max(1, (dpi / 100) * (dpi / 100));
        boolean[] seen = new boolean[pixels.length];
        int[] group = new int[maxArea + 1];
        int[] stack = new int[pixels.length / 4 + 16];
        for (int start = 0; start < pixels.length; start++) {
            if (seen[start] || !dark(pixels[start])) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int at = stack[--top];
                if (size <= maxArea) {
                    group[size] = at;
                }
                size++;
                int x = at % width;
                int y = at / width;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int next = ny * width + nx;
                        if (nx < 0 || nx >= width || seen[next] || !dark(pixels[next])) {
                            continue;
                        }
                        seen[next] = true;
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[top++] = next;
                    }
                }
            }
            if (size <= maxArea) {
                for (int i = 0; i < size; i++) {
                    pixels[group[i]] = (byte) 0xff;
                }
            }
        }
        BufferedImage clean = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        clean.getRaster().setDataElements(0, 0, width, height, pixels);
        return clean;
    }

    private static boolean dark(byte pixel) {
        return (pixel & 0xff) < DARK;
    }
}
