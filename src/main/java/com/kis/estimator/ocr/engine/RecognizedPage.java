package com.kis.estimator.ocr.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What Tesseract read on one page: the words with their boxes, and the page's text rebuilt from them (a line per
 * text line, a blank line between blocks).
 *
 * @param meanConfidence Tesseract's mean word confidence, 0–100
 * @param millis         the recognition alone, on the engine's thread
 */
public record RecognizedPage(List<OcrWord> words, double meanConfidence, long millis) {

    public RecognizedPage {
        words = List.copyOf(words);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        OcrWord previous = null;
        for (OcrWord word : words) {
            if (previous != null) {
                if (previous.block() != word.block()) {
                    text.append("\n\n");
                } else if (!previous.sameLine(word)) {
                    text.append('\n');
                } else {
                    text.append(' ');
                }
            }
            text.append(word.text());
            previous = word;
        }
        return text.toString();
    }

    /** The words grouped by text line, in reading order. */
    public List<List<OcrWord>> lines() {
        List<List<OcrWord>> lines = new ArrayList<>();
        List<OcrWord> current = new ArrayList<>();
        for (OcrWord word : words) {
            if (!current.isEmpty() && !current.get(current.size() - 1).sameLine(word)) {
                lines.add(List.copyOf(current));
                current.clear();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            lines.add(List.copyOf(current));
        }
        return lines;
    }

    /**
     * Reads Tesseract's TSV output: {@code level page block par line word left top width height conf text}; only
     * level 5 rows are words, and blank ones are dropped.
     */
    static List<OcrWord> wordsFromTsv(String tsv) {
        List<OcrWord> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", 12);
            if (cells.length < 12 || !"5".equals(cells[0])) {
                continue;
            }
            String text = cells[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            words.add(new OcrWord(text, Integer.parseInt(cells[6]), Integer.parseInt(cells[7]),
                    Integer.parseInt(cells[8]), Integer.parseInt(cells[9]), Double.parseDouble(cells[10]),
                    Integer.parseInt(cells[2]), Integer.parseInt(cells[3]), Integer.parseInt(cells[4])));
        }
        return words;
    }
}
