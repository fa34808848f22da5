package com.kis.estimator.ocr.imaging;

/**
 * The pages of one document, opened and checked against the limits up front (count and size, from headers
 * alone), rendered one at a time so that only the page being read is in memory.
 */
public interface DocumentPages extends AutoCloseable {

    DocumentKind kind();

    int count();

    /**
     * @param number 1-based
     * @throws DocumentRefused when this page cannot be decoded although the headers looked sound
     */
    PageImage render(int number) throws DocumentRefused;

    @Override
    void close();

    /** Opens a document, or says why it is none the OCR can read. */
    static DocumentPages open(byte[] content, ImagingLimits limits) throws DocumentRefused {
        if (content.length == 0) {
            throw new DocumentRefused("The file is empty");
        }
        DocumentKind kind = DocumentKind.of(content).orElseThrow(() -> new DocumentRefused(
                "The file is neither a PDF nor a PNG, JPEG or TIFF image (judged by its content, not its name)"));
        DocumentPages pages = kind == DocumentKind.PDF ? PdfPages.open(content, limits)
                : RasterPages.open(kind, content, limits);
        if (pages.count() == 0) {
            pages.close();
            throw new DocumentRefused("The document has no pages");
        }
        if (pages.count() > limits.maxPages()) {
            int count = pages.count();
            pages.close();
            throw new DocumentRefused("The document has " + count + " pages; at most " + limits.maxPages()
                    + " are read");
        }
        return pages;
    }

    /** Refuses a page whose pixel count is beyond the limit, naming its size. */
    static void checkSize(int number, long width, long height, ImagingLimits limits) throws DocumentRefused {
        if (width <= 0 || height <= 0) {
            throw new DocumentRefused("Page " + number + " has no pixels (" + width + "x" + height + ")");
        }
        if (width * height > limits.maxPagePixels()) {
            throw new DocumentRefused("Page " + number + " would be " + width + "x" + height + " pixels ("
                    + (width * height / 1_000_000) + " megapixels); at most " + limits.maxPagePixels() / 1_000_000
                    + " megapixels are read");
        }
    }
}
