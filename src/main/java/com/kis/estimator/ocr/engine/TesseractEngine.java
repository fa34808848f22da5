package com.kis.estimator.ocr.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.sun.jna.Pointer;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract instance with its languages loaded. Not thread-safe, and not merely slow when shared: two
 * threads in one instance crash the JVM. {@link OcrEngines} gives each worker thread its own for its whole life.
 */
final class TesseractEngine implements AutoCloseable {

    private final TessAPI api;
    private final TessBaseAPI handle;
    private ByteBuffer pixels = ByteBuffer.allocateDirect(0);

    TesseractEngine(TesseractSettings settings) {
        this.api = TesseractLibrary.api();
        var missing = settings.missingLanguages();
        if (!missing.isEmpty()) {
            throw new OcrEngineUnavailable("Tesseract language data " + missing + " not found in "
                    + settings.tessdata() + "; on Debian: apt-get install "
                    + String.join(" ", missing.stream().map(l -> "tesseract-ocr-" + l).toList())
                    + " (or set kis.ocr.tessdata)");
        }
        this.handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit3(handle, settings.tessdata().toString(), settings.languages()) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new OcrEngineUnavailable("Tesseract could not load '" + settings.languages() + "' from "
                    + settings.tessdata());
        }
        api.TessBaseAPISetPageSegMode(handle, settings.pageSegmentationMode());
    }

    RecognizedPage recognize(GreyPage page) {
        long started = System.nanoTime();
        api.TessBaseAPISetVariable(handle, "user_defined_dpi", String.valueOf(page.dpi()));
        api.TessBaseAPISetImage(handle, direct(page.pixels()), page.width(), page.height(), 1, page.width());
        try {
            Pointer tsv = api.TessBaseAPIGetTsvText(handle, 0);
            if (tsv == null) {
                throw new IllegalStateException("Tesseract returned no result for a " + page.width() + "x"
                        + page.height() + " page");
            }
            String text;
            try {
                text = tsv.getString(0, StandardCharsets.UTF_8.name());
            } finally {
                api.TessDeleteText(tsv);
            }
            double mean = api.TessBaseAPIMeanTextConf(handle);
            return new RecognizedPage(RecognizedPage.wordsFromTsv(text), mean,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    /** JNA hands only direct buffers to C without copying; one per engine, grown to the largest page seen. */
    private ByteBuffer direct(byte[] bytes) {
        if (pixels.capacity() < bytes.length) {
            pixels = ByteBuffer.allocateDirect(bytes.length);
        }
        pixels.clear();
        pixels.put(bytes).flip();
        return pixels;
    }

    @Override
    public void close() {
        api.TessBaseAPIEnd(handle);
        api.TessBaseAPIDelete(handle);
    }
}
