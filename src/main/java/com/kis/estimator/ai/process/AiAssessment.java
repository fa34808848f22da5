package com.kis.estimator.ai.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
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
 * <li>{@code winProbabilityText}: the same as the approval form shows it ("91 % (모델 v3)");</li>
 * <li>{@code winModelVersion};</li>
 * <li>{@code anomalyCount};</li>
 * <li>{@code aiSummary}: the score, what raised or lowered it, and the anomalies, in an approver's words;</li>
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
            assessment.put("winProbabilityText", ApproverWording.winProbability(prediction));
            assessment.put("aiSummary", ApproverWording.summary(prediction, found));
        } catch (RuntimeException e) {
            log.warn("AI assessment of estimate {} failed, the approval goes on without it: {}", estimateId,
                    e.getMessage(), e);
            assessment.put("aiStatus", "FAILED");
            assessment.put("winProbabilityText", "평가 실패 (assessment failed)");
            assessment.put("aiSummary", "AI 평가 실패 (AI assessment failed): " + e.getMessage());
        }
        execution.setVariables(assessment);
    }
}
