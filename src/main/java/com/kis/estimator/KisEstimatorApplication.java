package com.kis.estimator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * KIS Estimator: one process application for estimates, their approval, ERP sync, OCR intake and scoring.
 * Each top-level package below this one is a Spring Modulith application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KisEstimatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(KisEstimatorApplication.class, args);
    }
}
