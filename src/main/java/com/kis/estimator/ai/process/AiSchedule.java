package com.kis.estimator.ai.process;

import org.springframework.stereotype.Component;

import com.kis.estimator.ai.settings.AiProperties;
import com.kis.estimator.platform.workflow.ProcessApi;

/** The timer of processes/model-training.bpmn: {@code ${aiSchedule.training}} ({@code kis.ai.training-schedule}). */
@Component("aiSchedule")
@ProcessApi
public class AiSchedule {

    private final AiProperties properties;

    AiSchedule(AiProperties properties) {
        this.properties = properties;
    }

    public String getTraining() {
        return properties.trainingSchedule();
    }
}
