package com.kis.estimator.platform.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast a dead process's locked jobs come back ({@link JobExecutorNodes}).
 *
 * @param heartbeat          how often each process says it is alive, and looks for those that are not
 * @param presumedDeadAfter  silence after which a process's locked jobs are released; several heartbeats, so that a
 *                           slow moment (a long GC, the database restarting) is not taken for a death
 */
@ConfigurationProperties("kis.workflow.job-executor")
record JobExecutorNodeProperties(@DefaultValue("10s") Duration heartbeat,
        @DefaultValue("30s") Duration presumedDeadAfter) {

    JobExecutorNodeProperties {
        if (heartbeat.isZero() || heartbeat.isNegative() || presumedDeadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("kis.workflow.job-executor.presumed-dead-after (" + presumedDeadAfter
                    + ") must be at least twice the heartbeat (" + heartbeat + ")");
        }
    }
}
