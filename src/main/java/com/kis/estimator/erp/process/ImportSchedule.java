package com.kis.estimator.erp.process;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** When the erp-pull process (the scheduled ERP pull) starts next, as Camunda has its timer. */
@Component
public class ImportSchedule {

    private final ManagementService management;

    ImportSchedule(ManagementService management) {
        this.management = management;
    }

    public Optional<Instant> nextRun() {
        return management.createJobQuery().processDefinitionKey("erp-pull").timers().active().list().stream()
                .filter(job -> job.getProcessInstanceId() == null)
                .map(Job::getDuedate).filter(java.util.Objects::nonNull).map(java.util.Date::toInstant)
                .min(Instant::compareTo);
    }
}
