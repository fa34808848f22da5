package com.kis.estimator.ai.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.kis.estimator.ai.registry.ModelTraining;
import com.kis.estimator.ai.serving.ModelUnusable;
import com.kis.estimator.ai.settings.AiProperties;
import com.kis.estimator.ai.training.TrainingRefused;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * The service tasks of processes/model-training.bpmn: {@code ${modelTraining.train(execution)}},
 * {@code .activate}, {@code .reject}. A history that cannot give a model, or another training still running
 * ({@link TrainingRuns}), ends the run at "No model trained" (BPMN error {@code training-refused}), with the
 * reason in {@code refusal}.
 */
@Component("modelTrainingSteps")
@ProcessApi
public class TrainingSteps {

    static final String REFUSED = "training-refused";

    private final ModelTraining training;
    private final AiProperties properties;
    private final TrainingRuns runs;

    TrainingSteps(ModelTraining training, AiProperties properties, TrainingRuns runs) {
        this.training = training;
        this.properties = properties;
        this.runs = runs;
    }

    public void train(DelegateExecution execution) {
        runs.runningBefore(execution.getProcessInstanceId()).ifPresent(earlier -> {
            String refusal = "Another training is running (process " + earlier.processInstanceId() + ", started "
                    + earlier.startedAt() + "); one training at a time";
            execution.setVariable("refusal", refusal);
            throw new BpmnError(REFUSED, refusal);
        });
        ModelTraining.Candidate candidate;
        try {
            candidate = training.train(requestedBy(execution));
        } catch (TrainingRefused e) {
            execution.setVariable("refusal", e.getMessage());
            throw new BpmnError(REFUSED, e.getMessage());
        }
        execution.setVariable("candidateVersion", candidate.model().version());
        execution.setVariable("candidateAuc", round(candidate.evaluation().auc()));
        execution.setVariable("candidateLogLoss", round(candidate.evaluation().logLoss()));
        execution.setVariable("activeAuc", candidate.activeAuc() == null ? null : round(candidate.activeAuc()));
        execution.setVariable("trainingRows", candidate.model().trainingRows());
        execution.setVariable("atLeastAsGood", candidate.atLeastAsGood());
        execution.setVariable("approvalRequired", properties.approvalRequired()
                || Boolean.TRUE.equals(execution.getVariable("approvalRequested")));
    }

    public void activate(DelegateExecution execution) {
        int version = (Integer) execution.getVariable("candidateVersion");
        try {
            training.activate(version, decidedBy(execution));
        } catch (ModelUnusable e) {
            execution.setVariable("refusal", e.getMessage());
        }
    }

    public void reject(DelegateExecution execution) {
        int version = (Integer) execution.getVariable("candidateVersion");
        Object comment = execution.getVariable("modelComment");
        training.reject(version, comment != null ? comment.toString()
                : "held-out AUC " + execution.getVariable("candidateAuc") + " below the active model's "
                        + execution.getVariable("activeAuc"), decidedBy(execution));
    }

    private static String requestedBy(DelegateExecution execution) {
        Object user = execution.getVariable("requestedBy");
        return user == null ? "schedule" : user.toString();
    }

    private static String decidedBy(DelegateExecution execution) {
        Object user = execution.getVariable("decidedBy");
        return user == null ? "rule" : user.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
