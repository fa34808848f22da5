package com.kis.estimator.ocr.extraction;

import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.ocr.engine.OcrWord;

/**
 * A word on a text line, with Tesseract's habit undone of cutting Korean into syllables: Hangul words closer
 * together than half their height are joined again. Table rules read as {@code |} are dropped, and cut a
 * word in two where they stand inside it ({@code 4|EA}).
 */
record Token(String text, int left, int right, double confidence) {

    int centre() {
        return (left + right) / 2;
    }

    static List<Token> of(List<OcrWord> line) {
        List<Token> tokens = new ArrayList<>();
        Token open = null;
        int openHeight = 0;
        for (OcrWord word : line.stream().flatMap(w -> splitAtRules(w).stream()).toList()) {
            String text = word.text().replaceAll("^[\\[\\]]+|[\\[\\]]+$", "");
            if (text.isEmpty()) {
                continue;
            }
            boolean joins = open != null && Confusions.hangul(open.text()) && Confusions.hangul(text)
                    && word.left() - open.right() < Math.max(openHeight, word.height()) / 2;
            if (joins) {
                open = new Token(open.text() + text, open.left(), word.right(),
                        Math.min(open.confidence(), word.confidence()));
                openHeight = Math.max(openHeight, word.height());
            } else {
                if (open != null) {
                    tokens.add(open);
                }
                open = new Token(text, word.left(), word.right(), word.confidence());
                openHeight = word.height();
            }
        }
        if (open != null) {
            tokens.add(open);
        }
        return tokens;
    }

    /**
     * A table rule read into a word ({@code 4|EA}) separates two cells: the word is cut there, each piece
     * placed in proportion to its characters.
     */
    private static List<OcrWord> splitAtRules(OcrWord word) {
        String text = word.text();
        if (text.indexOf('|') < 0) {
            return List.of(word);
        }
        List<OcrWord> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '|') {
                if (i > start) {
                    int left = word.left() + word.width() * start / text.length();
                    int right = word.left() + word.width() * i / text.length();
                    pieces.add(new OcrWord(text.substring(start, i), left, word.top(), right - left, word.height(),
                            word.confidence(), word.block(), word.paragraph(), word.line()));
                }
                start = i + 1;
            }
        }
        return pieces;
    }

    static String join(List<Token> tokens) {
        return String.join(" ", tokens.stream().map(Token::text).toList());
    }
}
