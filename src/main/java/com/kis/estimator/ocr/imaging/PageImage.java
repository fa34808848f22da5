package com.kis.estimator.ocr.imaging;

import java.awt.image.BufferedImage;

/** One rendered page: 8-bit grey, and the resolution its pixels have. */
public record PageImage(int number, BufferedImage image, int dpi) {
}
