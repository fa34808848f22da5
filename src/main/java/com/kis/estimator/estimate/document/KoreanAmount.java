package com.kis.estimator.estimate.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;

/**
 * Amounts as a Korean quotation writes them: in figures with thousands separators, and in words as on a
 * cheque or 견적서 — 12,345,670 → "금 일천이백삼십사만오천육백칠십원정". Formal style: every place carries its
 * digit ("일천", "일십"), groups of four digits take 만, 억, 조, 경.
 */
public final class KoreanAmount {

    private static final String[] DIGITS = {"", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
    private static final String[] PLACES = {"", "십", "백", "천"};
    private static final String[] GROUPS = {"", "만", "억", "조", "경"};
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private KoreanAmount() {
    }

    /** "금 일천이백삼십사만오천육백칠십원정"; whole won only. */
    public static String inWords(BigDecimal amount) {
        BigInteger won = amount.toBigIntegerExact();
        if (won.signum() < 0) {
            throw new IllegalArgumentException("a quoted amount cannot be negative: " + amount);
        }
        if (won.signum() == 0) {
            return "금 영원정";
        }
        StringBuilder words = new StringBuilder();
        int group = 0;
        while (won.signum() > 0) {
            if (group >= GROUPS.length) {
                throw new IllegalArgumentException("amount too large to write in words: " + amount);
            }
            int four = won.mod(TEN_THOUSAND).intValue();
            if (four > 0) {
                words.insert(0, fourDigits(four) + GROUPS[group]);
            }
            won = won.divide(TEN_THOUSAND);
            group++;
        }
        return "금 " + words + "원정";
    }

    /** 1463477 → "1,463,477" */
    public static String inFigures(BigDecimal amount) {
        return new DecimalFormat("#,##0.###").format(amount);
    }

    private static String fourDigits(int value) {
        StringBuilder words = new StringBuilder();
        for (int place = 3; place >= 0; place--) {
            int digit = value / (int) Math.pow(10, place) % 10;
            if (digit > 0) {
                words.append(DIGITS[digit]).append(PLACES[place]);
            }
        }
        return words.toString();
    }
}
