package com.kis.estimator.platform.workflow.doors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;

import com.kis.estimator.platform.web.ApiProblemException;

/**
 * How a rule's refusal reaches someone who came through Camunda's own doors (Tasklist, {@code /engine-rest}):
 * as an exception Camunda's REST layer answers with 400 (or 403) and the rule's words, in Korean and English,
 * instead of a 500 with "ENGINE-03051 There was an exception while invoking the TaskListener".
 */
final class EngineRefusal {

    private EngineRefusal() {
    }

    static ProcessEngineException badRequest(String korean, String english) {
        return new RefusedByRule(korean + " / " + english);
    }

    /** Camunda's REST answers a deployment it cannot take with 400 and the message. */
    static ProcessEngineException deploymentRefused(String korean, String english) {
        return new BadUserRequestException(korean + " / " + english);
    }

    /** The rule refusal inside an engine exception, translated; the exception itself if there is none. */
    static RuntimeException translate(RuntimeException thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedByRule || cause instanceof RefusedForAuthorization) {
                return (ProcessEngineException) cause;
            }
            if (cause instanceof ApiProblemException rule) {
                String korean = String.valueOf(rule.properties().getOrDefault("detailKo", "요청이 규칙에 맞지 않아 거절되었습니다"));
                String message = korean + " / " + rule.getMessage();
                return rule.status() == HttpStatus.FORBIDDEN ? new RefusedForAuthorization(message) : new RefusedByRule(message);
            }
        }
        return thrown;
    }

    /**
     * Camunda's REST answers 400 with the message: its task resources treat a form validation failure as the
     * caller's mistake, and any other engine exception as a 500.
     */
    static final class RefusedByRule extends FormFieldValidationException {

        RefusedByRule(String message) {
            super(null, message);
        }
    }

    /** Camunda's REST answers 403. */
    static final class RefusedForAuthorization extends AuthorizationException {

        RefusedForAuthorization(String message) {
            super(message);
        }
    }
}
