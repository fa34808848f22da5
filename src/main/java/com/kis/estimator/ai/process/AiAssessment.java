package com.kis.estimator.ai.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.kis.estimator.ai.anomaly.PriceAnomalies;
import com.kis.estimator.ai.features.EstimateFeatures;
import com.kis.estimator.ai.serving.WinPredictions;
import com.kis.estimator.estimate.EstimateQueries;
import com.kis.estimator.estimate.ScoringFacts;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * "AI assessment" in processes/estimate-approval.bpmn, before routing ({@code ${aiAssessment.assess(execution)}}).
 * It sets the variables the routing and the approval forms read:
 * <ul>
 * <li>{@code winProbability}: null without a model;</li>
 * <li>{@code winModelVersion};</li>
 * <li>{@code anomalyCount};</li>
 * <li>{@code aiSummary}: the score, what moved it, and the anomalies, as an approver reads them;</li>
 * <li>{@code aiStatus}: {@code SCORED}, {@code NO_MODEL} or {@code FAILED}.</li>
 * </ul>
 * AI trouble never blocks an approval: any failure is recorded in {@code aiStatus} and {@code aiSummary}, and
 * the process goes on.
 */
@Component("aiAssessment")
@ProcessApi
public class AiAssessment {

    private static final Logger log = LoggerFactory.getLogger(AiAssessment.class);

    private final EstimateQueries estimates;
    private final EstimateFeatures features;
    private final PriceAnomalies anomalies;
    private final WinPredictions predictions;

    AiAssessment(EstimateQueries estimates, EstimateFeatures features, PriceAnomalies anomalies,
            WinPredictions predictions) {
        this.estimates = estimates;
        this.features = features;
        this.anomalies = anomalies;
        this.predictions = predictions;
    }

    public void assess(DelegateExecution execution) {
        // Collected first and written once: with full history each rewrite of a variable is one more row. The
        // defaults also clear what an earlier round of this approval left behind.
        Map<String, Object> assessment = new HashMap<>();
        assessment.put("winProbability", null);
        assessment.put("winModelVersion", null);
        assessment.put("anomalyCount", 0);
        long estimateId = ((Number) execution.getVariable("estimateId")).longValue();
        try {
            ScoringFacts facts = estimates.scoringFacts(estimateId).orElseThrow();
            List<PriceAnomalies.Anomaly> found = anomalies.of(facts);
            assessment.put("anomalyCount", found.size());
            Optional<WinPredictions.Prediction> prediction = predictions.predict(features.of(facts), estimateId, found);
            prediction.ifPresent(p -> {
                // as the approval form shows it: form-js refuses a number with more decimals than the field allows
                // (3) and then keeps Tasklist's Complete button disabled
                assessment.put("winProbability", BigDecimal.valueOf(p.winProbability()).setScale(3, RoundingMode.HALF_UP)
                        .doubleValue());
                assessment.put("winModelVersion", p.modelVersion());
            });
            assessment.put("aiStatus", prediction.isPresent() ? "SCORED" : "NO_MODEL");
            assessment.put("aiSummary", summary(prediction, found));
        } catch (RuntimeException e) {
            log.warn("AI assessment of estimate {} failed, the approval goes on without it: {}", estimateId,
                    e.getMessage(), e);
            assessment.put("aiStatus", "FAILED");
            assessment.put("aiSummary", "AI 평가 실패 (AI assessment failed): " + e.getMessage());
        }
        execution.setVariables(assessment);
    }

    private static String summary(Optional<WinPredictions.Prediction> prediction, List<PriceAnomalies.Anomaly> found) {
        StringBuilder text = new StringBuilder();
        if (prediction.isPresent()) {
            WinPredictions.Prediction p = prediction.get();
            text.append(String.format(Locale.ROOT, "수주 확률 (win probability): %.0f%% — model v%d%n",
                    100 * p.winProbability(), p.modelVersion()));
            p.contributions().forEach(c -> text.append(String.format(Locale.ROOT, "  %s %s = %s%n",
                    c.effect() >= 0 ? "+" : "−", c.feature(), c.value())));
        } else {
            text.append("수주 확률 없음: 학습된 모델이 없습니다 (no win model yet)\n");
        }
        if (found.isEmpty()) {
            text.append("가격 이상 없음 (no price anomalies)");
        }
        for (PriceAnomalies.Anomaly anomaly : found) {
            text.append(String.format(Locale.ROOT, "가격 이상 (anomaly): %s %s %.2f, usual %.2f–%.2f (median %.2f,"
                    + " %d quotes)%n", anomaly.productCode(), anomaly.kind(), anomaly.value(), anomaly.low(),
                    anomaly.high(), anomaly.median(), anomaly.samples()));
        }
        String summary = text.toString().strip();
        return summary.length() <= 3900 ? summary : summary.substring(0, 3897) + "...";
    }
}
