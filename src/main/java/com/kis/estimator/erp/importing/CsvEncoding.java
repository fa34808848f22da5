package com.kis.estimator.erp.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Which encoding an ERP's CSV file is in. Korean ERPs export UTF-8 (often with a byte-order mark) or CP949, the
 * Windows superset of EUC-KR. A byte-order mark decides; otherwise a file that decodes cleanly as UTF-8 is UTF-8,
 * one that decodes cleanly as CP949 is CP949, and anything else (mixed or broken encodings) is refused with the
 * line where decoding failed. The file is streamed, never held in memory.
 */
public final class CsvEncoding {

    public static final Charset CP949 = Charset.forName("x-windows-949");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvEncoding() {
    }

    /**
     * The encoding a source or request names: {@code auto} (or nothing) for null, meaning "detect";
     * {@code CP949} for Java's {@code x-windows-949}; otherwise any charset name.
     *
     * @throws IllegalArgumentException for a name that is no charset
     */
    public static Charset named(String name) {
        if (name == null || name.isBlank() || name.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return name.strip().equalsIgnoreCase("cp949") ? CP949 : Charset.forName(name.strip());
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new IllegalArgumentException("no such encoding: " + name, e);
        }
    }

    /** The encoding of the stream that {@code open} gives each time it is called. */
    public static Charset detect(Supplier<InputStream> open) {
        try (InputStream in = open.get()) {
            byte[] start = in.readNBytes(3);
            if (start.length == 3 && start[0] == UTF8_BOM[0] && start[1] == UTF8_BOM[1] && start[2] == UTF8_BOM[2]) {
                return StandardCharsets.UTF_8;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long utf8Failure = firstFailingLine(open, StandardCharsets.UTF_8);
        if (utf8Failure == 0) {
            return StandardCharsets.UTF_8;
        }
        long cp949Failure = firstFailingLine(open, CP949);
        if (cp949Failure == 0) {
            return CP949;
        }
        throw new ImportRejected(Math.max(utf8Failure, cp949Failure), null,
                "the file is neither UTF-8 nor CP949/EUC-KR throughout (mixed or broken encoding)");
    }

    /** 0 if the whole stream decodes in {@code charset}, else the 1-based line where it first fails. */
    static long firstFailingLine(Supplier<InputStream> open, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream in = open.get()) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (end && !result.isError()) {
                    result = decoder.flush(chars);
                }
                line += newlines(chars);
                if (result.isError()) {
                    return line;
                }
                bytes.compact();
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long newlines(CharBuffer chars) {
        chars.flip();
        long count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        chars.clear();
        return count;
    }

}
