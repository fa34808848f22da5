package com.kis.estimator.ai.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.kis.estimator.ai.anomaly.PriceAnomalies;
import com.kis.estimator.ai.serving.WinPredictions;
import com.kis.estimator.ai.serving.WinPredictions.Contribution;

class ApproverWordingTest {

    @Test
    void theModelsFeaturesReadAsTheFactsAnApproverKnows() {
        var prediction = new WinPredictions.Prediction(0.91346, "win-probability", 3, List.of(
                new Contribution("logTotal", Math.log(2_802_633), 0.8),
                new Contribution("maxDiscountPercent", 5.0, 0.3),
                new Contribution("customerTier", "A", 0.1),
                new Contribution("marginPercent", 12.345, -0.4),
                new Contribution("shareCable", 0.256, -0.05)), List.of(), 120);

        String summary = ApproverWording.summary(Optional.of(prediction), List.of());

        assertThat(summary).isEqualTo("""
                수주 확률 (win probability) 91 % (모델 v3)
                높인 요인 (raised it): 견적 금액 (total) 2,802,633원 · 최대 할인 (largest discount) 5.0 % · 거래처 등급 (customer tier) A
                낮춘 요인 (lowered it): 마진 (margin) 12.3 % · 케이블 비중 (cables' share) 26 %
                가격 이상 없음 (no price anomalies)""");
    }

    @Test
    void anomaliesAndAFeatureItDoesNotKnowStayReadable() {
        var anomaly = new PriceAnomalies.Anomaly("BRK-100", "UNIT_PRICE", 152_000.4, 100_000, 90_000, 110_000, 24);
        var discount = new PriceAnomalies.Anomaly("CBL-7", "DISCOUNT", 25.0, 7.5, 5.0, 10.0, 12);

        assertThat(ApproverWording.anomaly(anomaly)).isEqualTo("가격 이상 (price anomaly): BRK-100 단가 (unit price) "
                + "152,000원 — 보통 (usually) 90,000원–110,000원, 중앙값 (median) 100,000원, 견적 24건 (quotes)");
        assertThat(ApproverWording.anomaly(discount)).contains("할인 (discount) 25.0 %", "5.0 %–10.0 %");
        assertThat(ApproverWording.fact(new Contribution("newFeature", 0.123456, 0.2))).isEqualTo("newFeature 0.12");
        assertThat(ApproverWording.summary(Optional.empty(), List.of(anomaly)))
                .startsWith("수주 확률 없음").contains("BRK-100").doesNotContain("가격 이상 없음");
        assertThat(ApproverWording.winProbability(Optional.empty())).isEqualTo("모델 없음 (no model yet)");
    }
}
