package com.kis.estimator.ocr.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.kis.estimator.ocr.ExtractionScore;
import com.kis.estimator.ocr.RfqPages;
import com.kis.estimator.ocr.RfqSamples;
import com.kis.estimator.ocr.engine.GreyPage;
import com.kis.estimator.ocr.engine.OcrEngines;
import com.kis.estimator.ocr.engine.RecognizedPage;
import com.kis.estimator.ocr.engine.TesseractSettings;
import com.kis.estimator.ocr.extraction.RfqExtractor;
import com.kis.estimator.ocr.imaging.ImagingLimits;
import com.kis.estimator.ocr.imaging.PageImage;
import com.kis.estimator.ocr.imaging.PagePixels;
import com.kis.estimator.ocr.reading.DocumentReader;
import com.kis.estimator.ocr.reading.ReadPage;

/**
 * OCR speed and extraction accuracy (bench/ocr.sh, docs/benchmarks.md). The baseline is the {@code tesseract}
 * command line on the same pages in the same run: per page the engine pool should come within 10 % of it, and
 * two workers on two cores should read nearly twice as many pages per minute as one.
 */
public final class OcrBenchmark {

    private static final TesseractSettings SETTINGS = new TesseractSettings(
            Path.of(System.getProperty("kis.ocr.tessdata", "/usr/share/tesseract-ocr/5/tessdata")), "kor+eng", 4);
    private static final ImagingLimits LIMITS = new ImagingLimits(300, 20, 40_000_000);

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path dir = Files.createTempDirectory("kis-ocr-bench");
        List<RfqPages.Rfq> clean = new ArrayList<>();
        List<RfqPages.Rfq> skewed = new ArrayList<>();
        List<BufferedImage> cleanPages = new ArrayList<>();
        List<BufferedImage> skewedPages = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            RfqPages.Rfq rfq = RfqSamples.rfq(1000 + i, 8 + i % 8);
            clean.add(rfq);
            cleanPages.add(RfqPages.page(rfq));
            RfqPages.Rfq other = RfqSamples.rfq(2000 + i, 8 + (i + 3) % 8);
            skewed.add(other);
            skewedPages.add(RfqPages.scanned(RfqPages.page(other), (i % 2 == 0 ? 1 : -1) * (1.0 + i % 3), 50 + i));
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < cleanPages.size(); i++) {
            files.add(Files.write(dir.resolve("page-" + i + ".png"), RfqPages.png(cleanPages.get(i))));
        }
        List<GreyPage> grey = cleanPages.stream().map(p -> PagePixels.grey(new PageImage(1, p, 300))).toList();
        System.out.printf(Locale.ROOT, "%d clean and %d crooked, dusty RFQ pages (A4, 300 dpi), %d cores%n",
                documents, documents, Runtime.getRuntime().availableProcessors());

        Path blank = Files.write(dir.resolve("blank.png"), RfqPages.png(new BufferedImage(10, 10,
                BufferedImage.TYPE_BYTE_GRAY)));
        cli(files.get(0), true); // warm the page cache
        double cliStart = median(List.of(cli(blank, true), cli(blank, true), cli(blank, true)));
        List<Double> cliPages = new ArrayList<>();
        for (Path file : files) {
            cliPages.add(cli(file, true));
        }
        double cliPerPage = mean(cliPages);
        double cliUnlimited = cli(files.get(0), false);
        System.out.printf(Locale.ROOT, "tesseract CLI, OMP_THREAD_LIMIT=1: %.0f ms per page (%.0f ms of it loading"
                + " the models: %.0f ms recognising); without the limit one page took %.0f ms (%.1fx)%n",
                cliPerPage, cliStart, cliPerPage - cliStart, cliUnlimited, cliUnlimited / cliPages.get(0));

        try (OcrEngines one = OcrEngines.start(SETTINGS, 1, 32, Duration.ofMinutes(5))) {
            recognizeAll(one, grey.subList(0, 1)); // warm-up
            long started = System.nanoTime();
            List<RecognizedPage> pages = recognizeAll(one, grey);
            double wall = (System.nanoTime() - started) / 1e6;
            double engineMs = pages.stream().mapToLong(RecognizedPage::millis).average().orElse(0);
            System.out.printf(Locale.ROOT, "engine pool, 1 worker: %.0f ms per page on the engine, %.1f pages/min"
                    + " (%.2f of the CLI's time per page; %.2f of its recognition alone)%n", engineMs,
                    60_000 * grey.size() / wall, engineMs / cliPerPage, engineMs / (cliPerPage - cliStart));
            try (OcrEngines two = OcrEngines.start(SETTINGS, 2, 32, Duration.ofMinutes(5))) {
                recognizeAll(two, grey.subList(0, 2));
                long started2 = System.nanoTime();
                List<RecognizedPage> pages2 = recognizeAll(two, grey);
                double wall2 = (System.nanoTime() - started2) / 1e6;
                System.out.printf(Locale.ROOT, "engine pool, 2 workers: %.0f ms per page on an engine, %.1f pages/min"
                        + " (%.2fx one worker)%n", pages2.stream().mapToLong(RecognizedPage::millis).average().orElse(0),
                        60_000 * grey.size() / wall2, wall / wall2);

                DocumentReader reader = new DocumentReader(two, LIMITS, 900);
                RfqExtractor extractor = new RfqExtractor(RfqSamples.PRODUCTS, RfqSamples.CUSTOMERS);
                ExtractionScore cleanScore = ExtractionScore.none();
                long started3 = System.nanoTime();
                for (int i = 0; i < clean.size(); i++) {
                    cleanScore = cleanScore.plus(score(reader, extractor, clean.get(i), RfqPages.png(cleanPages.get(i))));
                }
                double wall3 = (System.nanoTime() - started3) / 1e6;
                ExtractionScore skewedScore = ExtractionScore.none();
                for (int i = 0; i < skewed.size(); i++) {
                    skewedScore = skewedScore.plus(score(reader, extractor, skewed.get(i),
                            RfqPages.png(skewedPages.get(i))));
                }
                System.out.printf(Locale.ROOT, "whole documents (PNG decode, despeckle, deskew, preview, OCR,"
                        + " extraction), one at a time: %.0f ms per clean page%n", wall3 / clean.size());
                report("clean", cleanScore);
                report("crooked and dusty", skewedScore);
            }
        }
    }

    private static ExtractionScore score(DocumentReader reader, RfqExtractor extractor, RfqPages.Rfq rfq,
            byte[] png) throws Exception {
        List<ReadPage> read = reader.read(png);
        return ExtractionScore.of(rfq, extractor.extract(read.stream().map(ReadPage::recognized).toList(), null));
    }

    private static void report(String set, ExtractionScore score) {
        System.out.printf(Locale.ROOT, "extraction, %s: %d of %d lines exact (%.1f %%), %d lines extracted%s%n", set,
                score.exact(), score.present(), 100 * score.accuracy(), score.extracted(),
                score.misses().isEmpty() ? "" : "; missed: " + score.misses());
    }

    private static List<RecognizedPage> recognizeAll(OcrEngines engines, List<GreyPage> pages) throws Exception {
        List<CompletableFuture<RecognizedPage>> futures = pages.stream().map(engines::recognize).toList();
        List<RecognizedPage> done = new ArrayList<>();
        for (CompletableFuture<RecognizedPage> future : futures) {
            done.add(future.get());
        }
        return done;
    }

    /** Wall milliseconds of one {@code tesseract} run on the file, output discarded. */
    private static double cli(Path file, boolean limitThreads) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("tesseract", file.toString(), "stdout", "-l", "kor+eng",
                "--psm", "4", "--dpi", "300", "--tessdata-dir", SETTINGS.tessdata().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (limitThreads) {
            builder.environment().put("OMP_THREAD_LIMIT", "1");
        } else {
            builder.environment().remove("OMP_THREAD_LIMIT");
        }
        long started = System.nanoTime();
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("tesseract exited with " + exit);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
