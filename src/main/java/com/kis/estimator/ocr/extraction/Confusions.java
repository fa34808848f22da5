package com.kis.estimator.ocr.extraction;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The usual OCR confusions folded away, so that what was read and what the catalog holds can be compared: in a
 * product code O and 0, I and 1, S and 5, B and 8, Z and 2, G and 6 are taken for the same character, dashes
 * and spaces are dropped; in a Korean description spaces do not count. Both sides are folded the same way, so a
 * fold can only make two different codes collide, and the fuzzy match decides between those.
 */
final class Confusions {

    private Confusions() {
    }

    /** A product code as a key: upper case, look-alikes folded to digits, no separators. */
    static String codeKey(String code) {
        StringBuilder key = new StringBuilder(code.length());
        for (char c : Normalizer.normalize(code, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'O', 'Q', 'D' -> key.append('0');
                case 'I', 'L', '|', '!' -> key.append('1');
                case 'S' -> key.append('5');
                case 'B' -> key.append('8');
                case 'Z' -> key.append('2');
                case 'G' -> key.append('6');
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        key.append(c);
                    }
                }
            }
        }
        return key.toString();
    }

    /** A description as a key: lower case, without spaces and the punctuation OCR sprinkles. */
    static String textKey(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '/' || c == '.') {
                key.append(c);
            }
        }
        return key.toString();
    }

    /**
     * A number as it was meant, where look-alike letters crept in ({@code 1O} → {@code 10}, {@code l5} →
     * {@code 15}); thousands separators are dropped. Null when it is no number.
     */
    static String digits(String token) {
        String cleaned = token.replaceAll("^[|\\[\\]():;'\"`.,]+|[|\\[\\]():;'\"`]+$", "");
        StringBuilder digits = new StringBuilder(cleaned.length());
        int letters = 0;
        for (char c : cleaned.toCharArray()) {
            char folded = switch (c) {
                case 'O', 'o', 'Q', 'D' -> '0';
                case 'I', 'l', '|', '!' -> '1';
                case 'S', 's' -> '5';
                case 'B' -> '8';
                case 'Z', 'z' -> '2';
                default -> c;
            };
            if (folded != c) {
                letters++;
            }
            digits.append(folded);
        }
        String number = digits.toString();
        if (!number.matches("\\d{1,3}([,.]\\d{3})+|\\d+([.]\\d{1,3})?") || letters * 2 > number.length()) {
            return null;
        }
        return number.matches("\\d{1,3}([,.]\\d{3})+") ? number.replaceAll("[,.]", "") : number;
    }

    static boolean hangul(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }
}
