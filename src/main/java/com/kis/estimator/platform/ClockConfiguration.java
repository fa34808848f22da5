package com.kis.estimator.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business dates (pricing date, validity, the year in an estimate number) are Korean dates, whatever zone the
 * server runs in.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${kis.business-zone:Asia/Seoul}") ZoneId zone) {
        return Clock.system(zone);
    }
}
