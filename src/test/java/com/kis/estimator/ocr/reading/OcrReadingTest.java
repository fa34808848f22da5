package com.kis.estimator.ocr.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.kis.estimator.ocr.RfqPages;
import com.kis.estimator.ocr.RfqSamples;
import com.kis.estimator.ocr.engine.OcrEngineUnavailable;
import com.kis.estimator.ocr.settings.OcrProperties;

/** A server without the Korean data: production refuses to start, the embedded default says why and goes on. */
class OcrReadingTest {

    @Test
    void missingLanguageDataStopsARequiredStartWithWhatToInstall() {
        assertThatThrownBy(() -> new OcrReading(properties(true, Path.of("/nonexistent/tessdata"))))
                .isInstanceOf(OcrEngineUnavailable.class)
                .hasMessageContaining("apt-get install tesseract-ocr-kor tesseract-ocr-eng")
                .hasMessageContaining("kis.ocr.tessdata");
    }

    @Test
    void withoutTheEngineTheRestStillWorksAndReadingSaysWhy() throws Exception {
        OcrReading reading = new OcrReading(properties(false, Path.of("/nonexistent/tessdata")));
        try {
            assertThat(reading.unavailable()).get().asString().contains("/nonexistent/tessdata");
            assertThat(reading.status()).isEmpty();
            byte[] page = RfqPages.png(RfqPages.page(RfqSamples.rfq(1, 8)));
            assertThat(reading.inspect(page)).isEqualTo(1);
            assertThatThrownBy(() -> reading.read(page)).isInstanceOf(OcrEngineUnavailable.class);
        } finally {
            reading.destroy();
        }
    }

    private static OcrProperties properties(boolean required, Path tessdata) {
        return new OcrProperties(required, tessdata, "kor+eng", 4, 1, 4, Duration.ofSeconds(5), 300,
                DataSize.ofMegabytes(20), 20, 40_000_000, 900, 200);
    }
}
