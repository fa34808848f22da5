package com.kis.estimator.platform.observability;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What operations alert on before anyone opens Cockpit: open incidents, jobs whose retries are exhausted and
 * running process instances. Each gauge is one count query per Prometheus scrape.
 */
@Component
class WorkflowMetrics implements MeterBinder {

    private final RuntimeService runtime;
    private final ManagementService management;

    WorkflowMetrics(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kis.workflow.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open Camunda incidents (failed jobs, failed external tasks)")
                .register(registry);
        Gauge.builder("kis.workflow.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs with no retries left")
                .register(registry);
        Gauge.builder("kis.workflow.instances.active", runtime, r -> r.createProcessInstanceQuery().active().count())
                .description("Running process instances")
                .register(registry);
    }
}
