package com.kis.estimator.platform.workflow;

import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.springframework.stereotype.Component;

/**
 * Incidents that open with what went wrong. A service task's expression ({@code ${erpImport.takeLock(execution)}})
 * wraps whatever our code throws in a ProcessEngineException whose message is the cause's class name and message,
 * so Cockpit's incident list showed every failure as "com.kis.esti…". The failed job is recorded with the exception
 * our code threw instead; its stack trace already holds every frame of the wrapper.
 */
@Component
class ReadableIncidents extends AbstractProcessEnginePlugin {

    /** Runs after the starter's DefaultFailedJobConfiguration (unordered beans come last), which sets its own. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory((jobId, failure) -> new DefaultJobRetryCmd(jobId, unwrapped(failure)));
    }

    /** The exception under wrappers that add nothing but "class: message" of their cause. */
    static Throwable unwrapped(Throwable failure) {
        Throwable shown = failure;
        while (shown.getClass() == ProcessEngineException.class && shown.getCause() != null
                && Objects.equals(shown.getMessage(), shown.getCause().toString())) {
            shown = shown.getCause();
        }
        return shown;
    }
}
