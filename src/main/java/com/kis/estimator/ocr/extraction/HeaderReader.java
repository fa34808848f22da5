package com.kis.estimator.ocr.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kis.estimator.ocr.extraction.ExtractedRfq.Field;

/**
 * The document number and date from the lines above the table. A number is a code-like word on a line labelled
 * 문서번호, 요청번호, 발주번호, No. or P.O.; a date is written 2026-11-20, 2026.11.20 or 2026년 11월 20일, and one
 * on a line labelled 일자, 날짜 or Date is preferred.
 */
final class HeaderReader {

    private static final Pattern NUMBER_LABEL = Pattern.compile(
            "(문서번호|요청번호|견적요청번호|발주번호|주문번호|no\\.?|p\\.?o\\.?|rfq)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z]{2,}[A-Z0-9]*(-[A-Z0-9]+)+");
    private static final Pattern DATE = Pattern.compile(
            "(20\\d{2})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*일?");
    private static final Pattern DATE_LABEL = Pattern.compile("(일자|날짜|date)", Pattern.CASE_INSENSITIVE);

    private HeaderReader() {
    }

    static Field<String> documentNumber(List<List<Token>> lines) {
        for (List<Token> line : lines) {
            String text = Token.join(line);
            if (!NUMBER_LABEL.matcher(text.replace(" ", "")).find()) {
                continue;
            }
            for (Token token : line) {
                String word = token.text().replaceAll("[,;:]+$", "").toUpperCase(Locale.ROOT);
                if (DOCUMENT_NUMBER.matcher(word).matches()) {
                    return new Field<>(word, token.confidence() / 100.0);
                }
            }
        }
        return Field.none();
    }

    static Field<LocalDate> documentDate(List<List<Token>> lines) {
        Field<LocalDate> any = Field.none();
        for (List<Token> line : lines) {
            String text = Token.join(line);
            Matcher matcher = DATE.matcher(text);
            while (matcher.find()) {
                LocalDate date = date(matcher);
                if (date == null) {
                    continue;
                }
                double confidence = confidenceOf(line, matcher.group());
                if (DATE_LABEL.matcher(text).find()) {
                    return new Field<>(date, confidence);
                }
                if (any.value() == null) {
                    any = new Field<>(date, confidence * 0.8);
                }
            }
        }
        return any;
    }

    private static LocalDate date(Matcher matcher) {
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The lowest confidence among the words that make up {@code found}. */
    static double confidenceOf(List<Token> line, String found) {
        String compact = found.replace(" ", "");
        return line.stream().filter(t -> compact.contains(t.text()) || t.text().contains(compact))
                .mapToDouble(Token::confidence).min().orElse(50) / 100.0;
    }
}
