package com.kis.estimator.ai.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AI (docs/ai.md, docs/configuration.md).
 *
 * @param modelDir            where model artifacts are written; replicas share it
 * @param predictors          DJL predictors per loaded model (one per concurrent request at most)
 * @param refresh             how often an instance looks for a model another instance activated
 * @param approvalRequired    a trained candidate waits for an analyst ("Approve model") instead of the AUC rule
 * @param syntheticHistory    the embedded default's generated history of closed estimates, trained on at the
 *                            first start when there is no model yet (0: none)
 * @param trainingSchedule    when processes/model-training.bpmn trains a candidate (Camunda cron, with seconds)
 */
@ConfigurationProperties("kis.ai")
public record AiProperties(
        @DefaultValue("./data/models") Path modelDir,
        @DefaultValue("4") int predictors,
        @DefaultValue("15s") Duration refresh,
        @DefaultValue("false") boolean approvalRequired,
        @DefaultValue("0") int syntheticHistory,
        @DefaultValue("0 0 3 ? * MON") String trainingSchedule) {
}
