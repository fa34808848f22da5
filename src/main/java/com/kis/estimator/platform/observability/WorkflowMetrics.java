package com.kis.estimator.platform.observability;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What operations alert on before anyone opens Cockpit: open incidents, jobs whose retries are exhausted and
 * running process instances; counted in the background ({@link DatabaseGauges}).
 */
@Component
class WorkflowMetrics {

    WorkflowMetrics(RuntimeService runtime, ManagementService management, DatabaseGauges gauges) {
        gauges.register("kis.workflow.incidents.open", "Open Camunda incidents (failed jobs, failed external tasks)",
                () -> runtime.createIncidentQuery().count());
        gauges.register("kis.workflow.jobs.failed", "Jobs with no retries left",
                () -> management.createJobQuery().noRetriesLeft().count());
        gauges.register("kis.workflow.instances.active", "Running process instances",
                () -> runtime.createProcessInstanceQuery().active().count());
    }
}
