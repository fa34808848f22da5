package com.kis.estimator.ocr.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kis.estimator.platform.web.ApiProblemException;

class LineChoicesTest {

    private final List<ReviewLine> lines = List.of(
            new ReviewLine(true, "COS-25-100", "컷아웃 스위치", "1 COS-25-100 46 EA", new BigDecimal("46"), "EA", 1.0, ""),
            new ReviewLine(true, "ACB-3P-800", "기중차단기", "2 ACB-3P-800 7 EA", new BigDecimal("7"), "EA", 0.9, ""),
            new ReviewLine(false, null, null, "3 ??? 2 EA", new BigDecimal("2"), "EA", 0.2, ""));

    @Test
    void theChecklistOffersEveryLineAndTicksTheMatchedOnes() {
        assertThat(LineChoices.options(lines)).extracting(option -> option.get("value")).containsExactly("1", "2", "3");
        assertThat(LineChoices.options(lines).get(0).get("label"))
                .isEqualTo("1. COS-25-100 × 46 EA — 읽은 내용 (read): 1 COS-25-100 46 EA");
        assertThat(LineChoices.options(lines).get(2).get("label")).startsWith("3. 품목 미확인 (no product) × 2 EA");
        assertThat(LineChoices.initiallyQuoted(lines)).containsExactly("1", "2");
    }

    @Test
    void ticksAndCorrectionsMakeTheReviewedLines() {
        List<ReviewLine> applied = LineChoices.applied(lines, List.of("1", "3"), "1: 50\n\n3: cbl-6sq 12.5\n");

        assertThat(applied).extracting(ReviewLine::confirmed).containsExactly(true, false, true);
        assertThat(applied.get(0).productCode()).isEqualTo("COS-25-100");
        assertThat(applied.get(0).quantity()).isEqualByComparingTo("50");
        assertThat(applied.get(1).quantity()).isEqualByComparingTo("7");
        assertThat(applied.get(2).productCode()).isEqualTo("CBL-6SQ");
        assertThat(applied.get(2).quantity()).isEqualByComparingTo("12.5");
        assertThat(LineChoices.applied(lines, List.of("2"), "2) ACB-3P-630").get(1).productCode()).isEqualTo("ACB-3P-630");
    }

    @Test
    void aCorrectionThatCannotBeReadIsRefusedWithTheRowAndTheWayToWriteIt() {
        for (String wrong : List.of("아홉: 많이", "4: 10", "0: 5", "1: 5 6", "1 5")) {
            assertThatThrownBy(() -> LineChoices.applied(lines, List.of(), wrong)).as(wrong)
                    .isInstanceOf(ApiProblemException.class).hasMessageContaining("number: product code quantity");
        }
    }
}
