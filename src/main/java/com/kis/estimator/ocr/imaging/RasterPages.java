package com.kis.estimator.ocr.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.w3c.dom.Node;

/**
 * PNG, JPEG and (multi-page) TIFF through the JDK's image readers. Sizes and page counts come from the headers;
 * a page's pixels are decoded only when it is rendered.
 */
final class RasterPages implements DocumentPages {

    private final DocumentKind kind;
    private final ImageReader reader;
    private final ImageInputStream input;
    private final int count;
    private final ImagingLimits limits;

    private RasterPages(DocumentKind kind, ImageReader reader, ImageInputStream input, int count,
            ImagingLimits limits) {
        this.kind = kind;
        this.reader = reader;
        this.input = input;
        this.count = count;
        this.limits = limits;
    }

    static RasterPages open(DocumentKind kind, byte[] content, ImagingLimits limits) throws DocumentRefused {
        ImageInputStream input = null;
        ImageReader reader = null;
        try {
            input = ImageIO.createImageInputStream(new ByteArrayInputStream(content));
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new DocumentRefused("No reader for this " + kind.mediaType() + " file");
            }
            reader = readers.next();
            reader.setInput(input, false, false);
            int count = kind == DocumentKind.TIFF || kind == DocumentKind.TIFF_BIG_ENDIAN
                    ? countUpTo(reader, limits.maxPages() + 1) : 1;
            for (int i = 0; i < Math.min(count, limits.maxPages()); i++) {
                DocumentPages.checkSize(i + 1, reader.getWidth(i), reader.getHeight(i), limits);
            }
            return new RasterPages(kind, reader, input, count, limits);
        } catch (DocumentRefused e) {
            dispose(reader, input);
            throw e;
        } catch (IOException | RuntimeException e) {
            dispose(reader, input);
            throw new DocumentRefused("The " + kind.mediaType() + " file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Counting a TIFF's pages walks its directory chain; past the limit the exact number does not matter. */
    private static int countUpTo(ImageReader reader, int limit) throws IOException {
        int count = 0;
        while (count < limit) {
            try {
                reader.getWidth(count);
            } catch (IndexOutOfBoundsException e) {
                break;
            }
            count++;
        }
        return count;
    }

    @Override
    public DocumentKind kind() {
        return kind;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public PageImage render(int number) throws DocumentRefused {
        try {
            BufferedImage image = reader.read(number - 1);
            int dpi = dpi(reader.getImageMetadata(number - 1));
            return new PageImage(number, grey(image), dpi);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRefused("Page " + number + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The resolution the image declares, or the configured one; phone photos and many faxes declare none. */
    private int dpi(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return limits.dpi();
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node dimension = root.getFirstChild(); dimension != null; dimension = dimension.getNextSibling()) {
            if (!"Dimension".equals(dimension.getNodeName())) {
                continue;
            }
            for (Node child = dimension.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("HorizontalPixelSize".equals(child.getNodeName())) {
                    try {
                        double millimetresPerPixel = Double.parseDouble(((IIOMetadataNode) child).getAttribute("value"));
                        long dpi = Math.round(25.4 / millimetresPerPixel);
                        return dpi >= 72 && dpi <= 1200 ? (int) dpi : limits.dpi();
                    } catch (NumberFormatException e) {
                        return limits.dpi();
                    }
                }
            }
        }
        return limits.dpi();
    }

    /** Colour, transparency and 16-bit images drawn onto white 8-bit grey, as Tesseract takes them. */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    @Override
    public void close() {
        dispose(reader, input);
    }

    private static void dispose(ImageReader reader, ImageInputStream input) {
        if (reader != null) {
            reader.dispose();
        }
        try {
            if (input != null) {
                input.close();
            }
        } catch (IOException e) {
            // an in-memory stream: nothing to release
        }
    }
}
