package com.kis.estimator.catalog.customer;

import java.time.Instant;

import com.kis.estimator.catalog.BusinessRegistrationNumber;

/** A customer as the API shows it; the registration number is formatted 123-45-67890. */
public record CustomerResponse(String code, String name, String businessRegistrationNumber, String tier,
        String priceListCode, String contactName, String contactEmail, String contactPhone, String address,
        boolean demo, Instant updatedAt) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.getCode(), customer.getName(),
                BusinessRegistrationNumber.format(customer.getBusinessRegistrationNumber()), customer.getTier(),
                customer.getPriceList() == null ? null : customer.getPriceList().getCode(),
                customer.getContactName(), customer.getContactEmail(), customer.getContactPhone(),
                customer.getAddress(), customer.isDemo(), customer.getUpdatedAt());
    }
}
