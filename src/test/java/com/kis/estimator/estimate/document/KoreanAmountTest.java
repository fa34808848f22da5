package com.kis.estimator.estimate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanAmountTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "12345670, 금 일천이백삼십사만오천육백칠십원정",
            "0, 금 영원정",
            "1, 금 일원정",
            "10, 금 일십원정",
            "10000, 금 일만원정",
            "100000000, 금 일억원정",
            "100000001, 금 일억일원정",
            "1463477, 금 일백사십육만삼천사백칠십칠원정",
            "2000000000000, 금 이조원정",
            "30005000, 금 삼천만오천원정"})
    void writesWonInFormalKoreanWords(String amount, String words) {
        assertThat(KoreanAmount.inWords(new BigDecimal(amount))).isEqualTo(words);
    }

    @Test
    void writesFiguresWithThousandsSeparators() {
        assertThat(KoreanAmount.inFigures(new BigDecimal("1463477"))).isEqualTo("1,463,477");
        assertThat(KoreanAmount.inFigures(new BigDecimal("12.5"))).isEqualTo("12.5");
        assertThat(KoreanAmount.inFigures(new BigDecimal("-34114"))).isEqualTo("-34,114");
    }

    @Test
    void refusesFractionsAndNegativeAmountsInWords() {
        assertThatThrownBy(() -> KoreanAmount.inWords(new BigDecimal("10.5"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> KoreanAmount.inWords(new BigDecimal("-1"))).hasMessageContaining("negative");
    }
}
