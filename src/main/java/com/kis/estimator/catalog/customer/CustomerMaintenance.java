package com.kis.estimator.catalog.customer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.catalog.CatalogChanged;
import com.kis.estimator.catalog.pricelist.PriceList;
import com.kis.estimator.catalog.pricelist.PriceListRepository;
import com.kis.estimator.catalog.support.MasterCodes;
import com.kis.estimator.platform.crypto.ColumnCipher;
import com.kis.estimator.platform.web.ApiProblemException;

@Service
@Transactional
class CustomerMaintenance {

    private final CustomerRepository customers;
    private final PriceListRepository priceLists;

    private final ColumnCipher cipher;
    private final ApplicationEventPublisher events;

    CustomerMaintenance(CustomerRepository customers, PriceListRepository priceLists, ColumnCipher cipher,
            ApplicationEventPublisher events) {
        this.cipher = cipher;
        this.customers = customers;
        this.priceLists = priceLists;
        this.events = events;
    }

    Customer create(CustomerRequest request) {
        MasterCodes.requireNew(request.code(), customers.existsByCode(request.code()), "customer");
        Customer customer = new Customer(request.code(), false);
        apply(customer, request);
        return customers.save(customer);
    }

    Customer update(String code, CustomerRequest request) {
        Customer customer = customers.findByCode(code)
                .orElseThrow(() -> ApiProblemException.notFound("Customer", code));
        MasterCodes.requireUnchanged(code, request.code(), "customer");
        apply(customer, request);
        // Pricing reads the customer's price list, and caches customers and quotes under the catalog generation.
        events.publishEvent(new CatalogChanged("customer " + code));
        return customer;
    }

    private void apply(Customer customer, CustomerRequest request) {
        PriceList priceList = request.priceListCode() == null ? null
                : priceLists.findByCode(request.priceListCode()).orElseThrow(() -> ApiProblemException
                        .unknownReference("priceListCode", "no price list " + request.priceListCode()));
        String brn = BusinessRegistrationNumber.normalize(request.businessRegistrationNumber());
        customer.describe(request.name(), brn, cipher.blindIndex(brn), request.tier(), priceList);
        customer.contact(request.contactName(), request.contactEmail(), request.contactPhone(), request.address());
    }
}
