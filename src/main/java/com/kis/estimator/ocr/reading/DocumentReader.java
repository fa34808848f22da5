package com.kis.estimator.ocr.reading;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.kis.estimator.ocr.engine.OcrEngines;
import com.kis.estimator.ocr.engine.RecognizedPage;
import com.kis.estimator.ocr.imaging.DocumentPages;
import com.kis.estimator.ocr.imaging.DocumentRefused;
import com.kis.estimator.ocr.imaging.ImagingLimits;
import com.kis.estimator.ocr.imaging.PageCleaning;
import com.kis.estimator.ocr.imaging.PageImage;
import com.kis.estimator.ocr.imaging.PagePixels;

/**
 * Reads a whole document. Each page is rendered and cleaned ({@link PageCleaning}), then handed to the engines
 * while the next page is prepared, so a document's pages are read in parallel across the pool. Only the pages waiting in the engines' bounded queue
 * are held in memory. The reviewer's preview shows the straightened page as it looked, rules and all.
 */
public final class DocumentReader {

    private final OcrEngines engines;
    private final ImagingLimits limits;
    private final int previewWidth;

    public DocumentReader(OcrEngines engines, ImagingLimits limits, int previewWidth) {
        this.engines = engines;
        this.limits = limits;
        this.previewWidth = previewWidth;
    }

    /**
     * @throws DocumentRefused when the document, or one of its pages, cannot be read as an image
     */
    public List<ReadPage> read(byte[] content) throws DocumentRefused {
        record Pending(int number, int width, int height, int dpi, double skew, byte[] preview, long millis,
                CompletableFuture<RecognizedPage> result) {
        }
        List<Pending> pending = new ArrayList<>();
        try (DocumentPages pages = DocumentPages.open(content, limits)) {
            for (int number = 1; number <= pages.count(); number++) {
                long started = System.nanoTime();
                PageImage rendered = pages.render(number);
                PageCleaning.Cleaned cleaned = PageCleaning.clean(rendered);
                PageImage page = new PageImage(number, cleaned.ink(), rendered.dpi());
                long millis = (System.nanoTime() - started) / 1_000_000;
                CompletableFuture<RecognizedPage> result = engines.recognize(PagePixels.grey(page));
                BufferedImage straight = cleaned.straight();
                pending.add(new Pending(number, straight.getWidth(), straight.getHeight(), page.dpi(),
                        cleaned.skewDegrees(), PagePixels.preview(straight, previewWidth), millis, result));
            }
        } catch (DocumentRefused | RuntimeException e) {
            pending.forEach(p -> p.result().cancel(false));
            throw e;
        }
        List<ReadPage> read = new ArrayList<>();
        for (Pending page : pending) {
            read.add(new ReadPage(page.number(), page.width(), page.height(), page.dpi(), page.skew(),
                    await(page.result()), page.preview(), page.millis()));
        }
        return read;
    }

    private static RecognizedPage await(CompletableFuture<RecognizedPage> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the OCR engines", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the OCR engine failed on a page: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
