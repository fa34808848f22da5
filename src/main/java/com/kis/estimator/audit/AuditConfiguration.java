package com.kis.estimator.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chainer runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {
}
