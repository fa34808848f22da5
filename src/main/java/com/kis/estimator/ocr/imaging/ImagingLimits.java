package com.kis.estimator.ocr.imaging;

/**
 * What a document may demand of the machine.
 *
 * @param dpi           the resolution PDFs are rendered at, and assumed for images that do not say theirs
 * @param maxPages      more pages than this and the document is refused before any is rendered
 * @param maxPagePixels one page's width × height at that resolution; a decompression bomb (a small file that
 *                      declares a huge image) is refused from its header, before any pixel is decoded
 */
public record ImagingLimits(int dpi, int maxPages, long maxPagePixels) {
}
