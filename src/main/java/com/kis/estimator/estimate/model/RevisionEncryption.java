package com.kis.estimator.estimate.model;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kis.estimator.platform.crypto.EncryptedColumns;

/** Each revision keeps the customer's registration number as quoted; it is encrypted like the customer's own. */
@Configuration(proxyBeanMethods = false)
class RevisionEncryption {

    @Bean
    EncryptedColumns encryptedRevisionColumns() {
        return new EncryptedColumns("estimator.estimate_revisions", List.of("customer_brn"), null);
    }
}
