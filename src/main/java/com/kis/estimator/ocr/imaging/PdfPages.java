package com.kis.estimator.ocr.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF's pages rendered with PDFBox at the configured resolution, in grey. */
final class PdfPages implements DocumentPages {

    private static final int FORM_DEPTH = 8;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final ImagingLimits limits;

    private PdfPages(PDDocument document, ImagingLimits limits) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
        this.limits = limits;
    }

    static PdfPages open(byte[] content, ImagingLimits limits) throws DocumentRefused {
        PDDocument document;
        try {
            // scratch space for PDFBox's own buffers goes to temporary files, not the heap
            document = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new DocumentRefused("The PDF is protected by a password; send it without one", e);
        } catch (IOException e) {
            throw new DocumentRefused("The PDF cannot be read: " + e.getMessage(), e);
        }
        PdfPages pages = new PdfPages(document, limits);
        try {
            for (int number = 1; number <= Math.min(pages.count(), limits.maxPages()); number++) {
                PDRectangle box = document.getPage(number - 1).getCropBox();
                boolean turned = document.getPage(number - 1).getRotation() % 180 != 0;
                long width = pixels(turned ? box.getHeight() : box.getWidth(), limits.dpi());
                long height = pixels(turned ? box.getWidth() : box.getHeight(), limits.dpi());
                DocumentPages.checkSize(number, width, height, limits);
                checkImages(number, document.getPage(number - 1).getResources(), limits, 0);
            }
        } catch (DocumentRefused | IOException | RuntimeException e) {
            pages.close();
            if (e instanceof DocumentRefused refused) {
                throw refused;
            }
            throw new DocumentRefused("The PDF's page tree cannot be read: " + e.getMessage(), e);
        }
        return pages;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.PDF;
    }

    @Override
    public int count() {
        return document.getNumberOfPages();
    }

    @Override
    public PageImage render(int number) throws DocumentRefused {
        try {
            BufferedImage image = renderer.renderImageWithDPI(number - 1, limits.dpi(), ImageType.GRAY);
            return new PageImage(number, image, limits.dpi());
        } catch (IOException | RuntimeException e) {
            throw new DocumentRefused("Page " + number + " of the PDF cannot be rendered: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            // nothing was written; the scratch files are removed by PDFBox either way
        }
    }

    /**
     * Refuses a page that embeds an image larger than a page may be: PDFBox decodes an image at its own size
     * whatever space it fills on the page, so a small PDF declaring a 30,000 × 30,000 image claimed a gigabyte of
     * heap when read. Width and height come from the image's dictionary, before any pixel is decoded. Images
     * inside form objects count too, nested as deep as {@link #FORM_DEPTH}; deeper ones are refused unread.
     */
    private static void checkImages(int number, PDResources resources, ImagingLimits limits, int depth)
            throws DocumentRefused, IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > limits.maxPagePixels()) {
                    throw new DocumentRefused("Page " + number + " embeds an image of " + image.getWidth() + "x"
                            + image.getHeight() + " pixels (" + pixels / 1_000_000 + " megapixels); at most "
                            + limits.maxPagePixels() / 1_000_000 + " megapixels are read");
                }
            } else if (object instanceof PDFormXObject form) {
                if (depth >= FORM_DEPTH) {
                    throw new DocumentRefused("Page " + number + " nests its content more than " + FORM_DEPTH
                            + " forms deep");
                }
                checkImages(number, form.getResources(), limits, depth + 1);
            }
        }
    }

    private static long pixels(float points, int dpi) {
        return Math.round(points / 72.0 * dpi);
    }
}
