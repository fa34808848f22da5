package com.kis.estimator.ocr.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How every engine of the pool is set up.
 *
 * @param tessdata             the folder holding {@code <language>.traineddata} (Debian:
 *                             {@code /usr/share/tesseract-ocr/5/tessdata})
 * @param languages            Tesseract's language string, {@code kor+eng}
 * @param pageSegmentationMode 4 (a single column of text of variable sizes) keeps RFQ table rows on one line
 */
public record TesseractSettings(Path tessdata, String languages, int pageSegmentationMode) {

    public List<String> languageList() {
        return Arrays.stream(languages.split("\\+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The languages whose trained data is missing; an engine would not start without them. */
    public List<String> missingLanguages() {
        return languageList().stream()
                .filter(language -> !Files.isReadable(tessdata.resolve(language + ".traineddata")))
                .toList();
    }
}
