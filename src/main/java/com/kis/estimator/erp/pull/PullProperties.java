package com.kis.estimator.erp.pull;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled pull from the ERP's REST API (camel-routes/erp-rest-pull.yaml, processes/erp-pull.bpmn).
 *
 * @param baseUrl  the ERP API, e.g. {@code https://erp.example/api}; empty: no pull (the schedule still runs and
 *                 says so)
 * @param token    the bearer token the ERP expects
 * @param schedule when the pull runs, as a Camunda timer cycle (cron with seconds: {@code 0 0 2 * * ?})
 * @param overlap  how far before the last completed pull the next one asks for changes, so that nothing changed
 *                 while a pull ran is missed (unchanged rows count as unchanged)
 */
@ConfigurationProperties("kis.erp.pull")
public record PullProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String token,
        @DefaultValue("500") int pageSize,
        @DefaultValue("0 0 2 * * ?") String schedule,
        @DefaultValue("5m") Duration overlap) {
}
