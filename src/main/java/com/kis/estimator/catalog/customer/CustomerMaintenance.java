package com.kis.estimator.catalog.customer;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.catalog.pricelist.PriceList;
import com.kis.estimator.catalog.pricelist.PriceListRepository;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

@Service
@Transactional
class CustomerMaintenance {

    private final CustomerRepository customers;
    private final PriceListRepository priceLists;

    CustomerMaintenance(CustomerRepository customers, PriceListRepository priceLists) {
        this.customers = customers;
        this.priceLists = priceLists;
    }

    Customer create(CustomerRequest request) {
        if (request.code() == null) {
            throw ApiProblemException.businessRule("code", "a new customer needs a code");
        }
        if (customers.existsByCode(request.code())) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Customer " + request.code() + " already exists");
        }
        Customer customer = new Customer(request.code(), false);
        apply(customer, request);
        return customers.save(customer);
    }

    Customer update(String code, CustomerRequest request) {
        Customer customer = customers.findByCode(code)
                .orElseThrow(() -> ApiProblemException.notFound("Customer", code));
        if (request.code() != null && !request.code().equals(code)) {
            throw ApiProblemException.businessRule("code", "a customer code cannot be changed");
        }
        apply(customer, request);
        return customer;
    }

    private void apply(Customer customer, CustomerRequest request) {
        PriceList priceList = request.priceListCode() == null ? null
                : priceLists.findByCode(request.priceListCode()).orElseThrow(() -> ApiProblemException
                        .unknownReference("priceListCode", "no price list " + request.priceListCode()));
        customer.describe(request.name(), BusinessRegistrationNumber.normalize(request.businessRegistrationNumber()),
                request.tier(), priceList);
        customer.contact(request.contactName(), request.contactEmail(), request.contactPhone(), request.address());
    }
}
