package com.kis.estimator.catalog.customer;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kis.estimator.platform.crypto.EncryptedColumns;

/** The customer columns that are encrypted at rest, for re-encryption after a key rotation. */
@Configuration(proxyBeanMethods = false)
class CustomerEncryption {

    @Bean
    EncryptedColumns encryptedCustomerColumns() {
        return new EncryptedColumns("estimator.customers", List.of("business_registration_number", "contact_name",
                "contact_email", "contact_phone", "address"),
                new EncryptedColumns.BlindIndex("business_registration_number", "business_registration_number_index"));
    }
}
