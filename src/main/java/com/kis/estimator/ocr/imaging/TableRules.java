package com.kis.estimator.ocr.imaging;

import java.awt.image.BufferedImage;

/**
 * Erases the ruled lines of a table before the page is read. Tesseract reads a vertical rule as {@code |}, and
 * where a rule stands close to a cell's text it glues rule and text into one word and misreads both ("12 | EA"
 * became "1216" on crooked scans). A rule is a straight run of ink far longer than any stroke of writing:
 * vertical runs over a quarter inch, horizontal runs over half an inch (10-point Hangul is about a seventh of an
 * inch tall). A page turned straight again is never perfectly straight, so a rule steps by a pixel every so
 * often: runs are looked for in bands three pixels wide. Works on a black and white page.
 */
public final class TableRules {

    private static final int BAND = 1;

    private TableRules() {
    }

    /** The page without its rules; the page itself is not changed. */
    public static BufferedImage erase(BufferedImage binaryPage, int dpi) {
        int width = binaryPage.getWidth();
        int height = binaryPage.getHeight();
        byte[] pixels = (byte[]) binaryPage.getRaster().getDataElements(0, 0, width, height, null);
        byte[] out = pixels.clone();
        eraseRuns(pixels, out, width, height, Math.max(8, dpi / 4), true);
        eraseRuns(pixels, out, width, height, Math.max(16, dpi / 2), false);
        BufferedImage clean = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        clean.getRaster().setDataElements(0, 0, width, height, out);
        return clean;
    }

    /**
     * Along each line (a column when {@code vertical}, else a row), finds runs where the band of the line and its
     * neighbours holds ink, and whitens the ink of the band along runs of at least {@code minimum}.
     */
    private static void eraseRuns(byte[] pixels, byte[] out, int width, int height, int minimum, boolean vertical) {
        int lines = vertical ? width : height;
        int length = vertical ? height : width;
        for (int line = 0; line < lines; line++) {
            int run = 0;
            for (int at = 0; at <= length; at++) {
                if (at < length && inkInBand(pixels, width, height, line, at, vertical)) {
                    run++;
                    continue;
                }
                if (run >= minimum) {
                    for (int along = at - run; along < at; along++) {
                        for (int offset = -BAND; offset <= BAND; offset++) {
                            int across = line + offset;
                            if (across >= 0 && across < lines) {
                                out[vertical ? along * width + across : across * width + along] = (byte) 0xff;
                            }
                        }
                    }
                }
                run = 0;
            }
        }
    }

    private static boolean inkInBand(byte[] pixels, int width, int height, int line, int along, boolean vertical) {
        int lines = vertical ? width : height;
        for (int offset = -BAND; offset <= BAND; offset++) {
            int across = line + offset;
            if (across < 0 || across >= lines) {
                continue;
            }
            int index = vertical ? along * width + across : across * width + along;
            if ((pixels[index] & 0xff) < 128) {
                return true;
            }
        }
        return false;
    }
}
