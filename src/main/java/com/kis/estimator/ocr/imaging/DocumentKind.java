package com.kis.estimator.ocr.imaging;

import java.util.Arrays;
import java.util.Optional;

/** The files the intake reads, recognised by their first bytes: a name or a declared type proves nothing. */
public enum DocumentKind {

    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    TIFF("image/tiff", "tif", new byte[] {'I', 'I', 42, 0}),
    TIFF_BIG_ENDIAN("image/tiff", "tif", new byte[] {'M', 'M', 0, 42});

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    DocumentKind(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** PDFs may carry a little junk before {@code %PDF-}; readers accept it within the first kilobyte. */
    public static Optional<DocumentKind> of(byte[] content) {
        for (DocumentKind kind : values()) {
            if (kind == PDF ? pdfHeaderWithin(content, 1024) : startsWith(content, kind.magic)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean pdfHeaderWithin(byte[] content, int limit) {
        byte[] magic = PDF.magic;
        for (int i = 0; i + magic.length <= Math.min(content.length, limit); i++) {
            if (Arrays.equals(content, i, i + magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }
}
