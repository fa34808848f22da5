package com.kis.estimator.platform.workflow;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the FEEL engine that parses each expression once and keeps one table of
 * built-in functions ({@link PreparedFeelEngine}). {@code kis.workflow.prepared-feel=false} goes back to
 * Camunda's own.
 */
@Component
@ConditionalOnProperty(name = "kis.workflow.prepared-feel", havingValue = "true", matchIfMissing = true)
class PreparedFeel extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // read when the DMN engine is built, after the process engine has handed over its custom functions
        dmn.setFeelEngineFactory(() -> new PreparedFeelEngine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
