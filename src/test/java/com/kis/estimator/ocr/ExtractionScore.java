package com.kis.estimator.ocr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.ocr.extraction.ExtractedRfq;

/**
 * How many of an RFQ's lines were extracted exactly: the right product, the right quantity and the right unit,
 * in the order of the page. Extracted lines that are on no page are counted in {@code extracted}.
 */
public record ExtractionScore(int present, int exact, int extracted, List<String> misses) {

    /** Lines are paired in order: an item missed does not shift the lines after it into misses. */
    public static ExtractionScore of(RfqPages.Rfq rfq, ExtractedRfq extracted) {
        List<String> misses = new ArrayList<>();
        int exact = 0;
        List<ExtractedRfq.Line> lines = extracted.lines();
        int next = 0;
        for (RfqPages.Item item : rfq.items()) {
            int at = next;
            while (at < lines.size() && !item.code().equals(lines.get(at).productCode())) {
                at++;
            }
            ExtractedRfq.Line line = at < lines.size() ? lines.get(at) : null;
            boolean right = line != null && line.quantity() != null
                    && line.quantity().compareTo(BigDecimal.valueOf(item.quantity())) == 0
                    && item.unit().equals(line.unit());
            if (line != null) {
                next = at + 1;
            }
            if (right) {
                exact++;
            } else {
                misses.add(item.code() + " " + item.quantity() + " " + item.unit() + " <- " + (line == null
                        ? "no line" : line.quantity() + " " + line.unit() + " [" + line.read() + "]"));
            }
        }
        return new ExtractionScore(rfq.items().size(), exact, lines.size(), misses);
    }

    public ExtractionScore plus(ExtractionScore other) {
        List<String> all = new ArrayList<>(misses);
        all.addAll(other.misses);
        return new ExtractionScore(present + other.present, exact + other.exact, extracted + other.extracted, all);
    }

    public double accuracy() {
        return present == 0 ? 0 : (double) exact / present;
    }

    public static ExtractionScore none() {
        return new ExtractionScore(0, 0, 0, List.of());
    }
}
