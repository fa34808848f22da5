package com.kis.estimator.platform.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A scheduled task (the audit chainer, the model refresh…) that found the database away says so in one line and
 * runs again at its next time. Spring's default logged each such run as an ERROR with a full stack trace, several
 * a second during a restart of PostgreSQL, burying what operations needed to read.
 */
@Configuration(proxyBeanMethods = false)
class QuietScheduledTasksWhileDatabaseAway {

    private static final Logger log = LoggerFactory.getLogger(QuietScheduledTasksWhileDatabaseAway.class);

    @Bean
    ThreadPoolTaskSchedulerCustomizer databaseOutageErrorHandler() {
        return scheduler -> scheduler.setErrorHandler(QuietScheduledTasksWhileDatabaseAway::failed);
    }

    static void failed(Throwable failure) {
        if (DatabaseOutage.caused(failure)) {
            log.warn("Scheduled task skipped, the database does not answer: {}", failure.getMessage());
        } else {
            log.error("Unexpected error occurred in scheduled task", failure);
        }
    }
}
