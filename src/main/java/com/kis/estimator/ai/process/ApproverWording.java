package com.kis.estimator.ai.process;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

import com.kis.estimator.ai.anomaly.PriceAnomalies;
import com.kis.estimator.ai.serving.WinPredictions;

/**
 * The AI assessment in an approver's words: "수주 확률 91 %", what raised or lowered it as business facts (the
 * estimate's total in won, not the model's {@code logTotal}), and the lines priced unlike the past. Korean first,
 * English in brackets, like the rest of the approval form.
 */
final class ApproverWording {

    /** Camunda keeps a string variable of up to 4,000 characters in its text column; longer ones go to a blob. */
    private static final int LIMIT = 3900;

    /** Each model feature as an approver names it, and its value as they read it. */
    private record Wording(String name, DoubleFunction<String> value) {
    }

    private static final Map<String, Wording> FEATURES = Map.ofEntries(
            Map.entry("logTotal", new Wording("견적 금액 (total)", v -> won(Math.exp(v)))),
            Map.entry("maxDiscountPercent", new Wording("최대 할인 (largest discount)", ApproverWording::percent)),
            Map.entry("marginPercent", new Wording("마진 (margin)", ApproverWording::percent)),
            Map.entry("customerWinRate", new Wording("거래처 수주율 (customer's win rate)", ApproverWording::share)),
            Map.entry("lineCount", new Wording("품목 수 (lines)", v -> whole(v) + "개")),
            Map.entry("validityDays", new Wording("유효 기간 (valid for)", v -> whole(v) + "일 (days)")),
            Map.entry("revisionCount", new Wording("수정 차수 (revision)", v -> whole(v) + "차")),
            Map.entry("shareBreaker", new Wording("차단기 비중 (breakers' share)", ApproverWording::share)),
            Map.entry("sharePanel", new Wording("배전반 비중 (panels' share)", ApproverWording::share)),
            Map.entry("shareTransformer", new Wording("변압기 비중 (transformers' share)", ApproverWording::share)),
            Map.entry("shareCable", new Wording("케이블 비중 (cables' share)", ApproverWording::share)));

    private static final Map<String, String> ANOMALY_KINDS = Map.of(
            "UNIT_PRICE", "단가 (unit price)",
            "DISCOUNT", "할인 (discount)");

    private ApproverWording() {
    }

    /** "91 % (모델 v3)", or what the approver is told when no model scored the estimate. */
    static String winProbability(Optional<WinPredictions.Prediction> prediction) {
        return prediction.map(p -> Math.round(100 * p.winProbability()) + " % (모델 v" + p.modelVersion() + ")")
                .orElse("모델 없음 (no model yet)");
    }

    static String summary(Optional<WinPredictions.Prediction> prediction, List<PriceAnomalies.Anomaly> anomalies) {
        StringBuilder text = new StringBuilder();
        if (prediction.isPresent()) {
            WinPredictions.Prediction p = prediction.get();
            text.append("수주 확률 (win probability) ").append(winProbability(prediction)).append('\n');
            line(text, "높인 요인 (raised it)", p.contributions().stream().filter(c -> c.effect() > 0).toList());
            line(text, "낮춘 요인 (lowered it)", p.contributions().stream().filter(c -> c.effect() < 0).toList());
        } else {
            text.append("수주 확률 없음: 학습된 모델이 없습니다 (no win model yet)\n");
        }
        if (anomalies.isEmpty()) {
            text.append("가격 이상 없음 (no price anomalies)");
        }
        for (PriceAnomalies.Anomaly anomaly : anomalies) {
            text.append(anomaly(anomaly)).append('\n');
        }
        String summary = text.toString().strip();
        return summary.length() <= LIMIT ? summary : summary.substring(0, LIMIT - 3) + "...";
    }

    private static void line(StringBuilder text, String heading, List<WinPredictions.Contribution> contributions) {
        if (!contributions.isEmpty()) {
            text.append(heading).append(": ")
                    .append(contributions.stream().map(ApproverWording::fact).collect(Collectors.joining(" · ")))
                    .append('\n');
        }
    }

    /** A feature as a fact: "마진 (margin) 12.5 %"; a feature this class does not know keeps its model name. */
    static String fact(WinPredictions.Contribution contribution) {
        if (contribution.feature().equals("customerTier")) {
            return "거래처 등급 (customer tier) " + contribution.value();
        }
        Wording wording = FEATURES.get(contribution.feature());
        if (!(contribution.value() instanceof Number number)) {
            return (wording != null ? wording.name() : contribution.feature()) + " " + contribution.value();
        }
        if (wording == null) {
            return contribution.feature() + " " + decimal("#,##0.##").format(number.doubleValue());
        }
        return wording.name() + " " + wording.value().apply(number.doubleValue());
    }

    static String anomaly(PriceAnomalies.Anomaly anomaly) {
        DoubleFunction<String> value = anomaly.kind().equals("UNIT_PRICE") ? ApproverWording::won : ApproverWording::percent;
        return "가격 이상 (price anomaly): " + anomaly.productCode() + " "
                + ANOMALY_KINDS.getOrDefault(anomaly.kind(), anomaly.kind()) + " " + value.apply(anomaly.value())
                + " — 보통 (usually) " + value.apply(anomaly.low()) + "–" + value.apply(anomaly.high())
                + ", 중앙값 (median) " + value.apply(anomaly.median()) + ", 견적 " + anomaly.samples() + "건 (quotes)";
    }

    private static String won(double amount) {
        return decimal("#,##0").format(Math.round(amount)) + "원";
    }

    private static String percent(double percent) {
        return decimal("0.0").format(percent) + " %";
    }

    /** A share of 0–1 as a whole percentage. */
    private static String share(double share) {
        return Math.round(100 * share) + " %";
    }

    private static long whole(double value) {
        return Math.round(value);
    }

    private static DecimalFormat decimal(String pattern) {
        // DecimalFormat is not thread-safe: one per use
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
