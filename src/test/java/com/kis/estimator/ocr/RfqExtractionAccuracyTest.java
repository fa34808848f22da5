package com.kis.estimator.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kis.estimator.ocr.engine.OcrEngines;
import com.kis.estimator.ocr.engine.TesseractSettings;
import com.kis.estimator.ocr.extraction.ExtractedRfq;
import com.kis.estimator.ocr.extraction.RfqExtractor;
import com.kis.estimator.ocr.imaging.ImagingLimits;
import com.kis.estimator.ocr.reading.DocumentReader;
import com.kis.estimator.ocr.reading.ReadPage;

/**
 * Extraction accuracy on real Tesseract, counted line by line over generated RFQs: clean 300-dpi pages, the same
 * pages scanned crooked with dust, as PDF and as multi-page TIFF.
 */
class RfqExtractionAccuracyTest {

    static final TesseractSettings SETTINGS = new TesseractSettings(
            Path.of("/usr/share/tesseract-ocr/5/tessdata"), "kor+eng", 4);
    private static OcrEngines engines;
    private static DocumentReader reader;
    private static final RfqExtractor EXTRACTOR = new RfqExtractor(RfqSamples.PRODUCTS, RfqSamples.CUSTOMERS);

    @BeforeAll
    static void start() {
        engines = OcrEngines.start(SETTINGS, 2, 4, Duration.ofMinutes(2));
        reader = new DocumentReader(engines, new ImagingLimits(300, 20, 40_000_000), 800);
    }

    @AfterAll
    static void stop() {
        engines.close();
    }

    @Test
    void cleanPagesAreReadAlmostPerfectly() throws Exception {
        ExtractionScore score = ExtractionScore.none();
        for (long seed = 1; seed <= 4; seed++) {
            RfqPages.Rfq rfq = RfqSamples.rfq(seed, 8 + (int) (seed * 2));
            ExtractedRfq extracted = extract(RfqPages.png(RfqPages.page(rfq)));
            score = score.plus(ExtractionScore.of(rfq, extracted));
            assertThat(extracted.documentNumber().value()).isEqualTo(rfq.documentNumber());
            assertThat(extracted.documentDate().value()).isEqualTo(rfq.date());
            assertThat(extracted.customer().code()).isEqualTo(RfqSamples.customerNamed(rfq.customerName()).code());
            assertThat(extracted.customer().matchedBy()).isEqualTo("REGISTRATION_NUMBER");
        }
        System.out.printf("clean: %d of %d lines exact (%.1f %%), %d extracted; misses %s%n", score.exact(),
                score.present(), 100 * score.accuracy(), score.extracted(), score.misses());
        assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void crookedDustyScansAreStraightenedAndCleaned() throws Exception {
        ExtractionScore score = ExtractionScore.none();
        double[] angles = {2.5, -3.0, 1.5, -2.0};
        for (int i = 0; i < angles.length; i++) {
            RfqPages.Rfq rfq = RfqSamples.rfq(100 + i, 10 + i);
            byte[] scan = RfqPages.png(RfqPages.scanned(RfqPages.page(rfq), angles[i], 7 + i));
            score = score.plus(ExtractionScore.of(rfq, extract(scan)));
        }
        System.out.printf("skewed+noisy: %d of %d lines exact (%.1f %%), %d extracted; misses %s%n", score.exact(),
                score.present(), 100 * score.accuracy(), score.extracted(), score.misses());
        assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void pdfAndTiffPagesReadLikeImages() throws Exception {
        RfqPages.Rfq first = RfqSamples.rfq(201, 12);
        RfqPages.Rfq second = RfqSamples.rfq(202, 9);
        var pages = List.of(RfqPages.page(first), RfqPages.scanned(RfqPages.page(second), -1.5, 3));
        for (byte[] document : List.of(RfqPages.pdf(pages), RfqPages.tiff(pages))) {
            List<ReadPage> read = reader.read(document);
            assertThat(read).hasSize(2);
            assertThat(read.get(1).skewDegrees()).isCloseTo(-1.5, org.assertj.core.data.Offset.offset(0.3));
            ExtractedRfq one = EXTRACTOR.extract(List.of(read.get(0).recognized()), null);
            ExtractedRfq two = EXTRACTOR.extract(List.of(read.get(1).recognized()), null);
            assertThat(ExtractionScore.of(first, one).accuracy()).isGreaterThanOrEqualTo(0.9);
            assertThat(ExtractionScore.of(second, two).accuracy()).isGreaterThanOrEqualTo(0.85);
        }
    }

    static ExtractedRfq extract(byte[] document) throws Exception {
        List<ReadPage> pages = reader.read(document);
        return EXTRACTOR.extract(pages.stream().map(ReadPage::recognized).toList(), null);
    }
}
