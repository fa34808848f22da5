package com.kis.estimator.estimate.web;

import java.util.List;

import org.springframework.stereotype.Component;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.estimate.drafting.Draft;
import com.kis.estimator.platform.web.ApiProblemException;

/** Reads what a sales person sent as a {@link Draft}: the customer named by code or by id. */
@Component
class DraftRequests {

    private final CatalogLookup catalog;

    DraftRequests(CatalogLookup catalog) {
        this.catalog = catalog;
    }

    Draft of(EstimateRequest request) {
        String customerCode = request.customerCode();
        if (customerCode == null && request.customerId() != null) {
            customerCode = catalog.customer(request.customerId()).map(CatalogLookup.CustomerInfo::code)
                    .orElseThrow(() -> ApiProblemException.unknownReference("customerId",
                            "no customer " + request.customerId()));
        }
        if (customerCode == null || customerCode.isBlank()) {
            throw ApiProblemException.invalidField("customerCode", "customerCode or customerId is required");
        }
        List<Draft.Line> lines = request.items() == null ? List.of() : request.items().stream()
                .map(item -> new Draft.Line(item.productCode(), item.quantity(), item.discountRate(), item.note()))
                .toList();
        return new Draft(customerCode, request.validUntil(), request.discountRate(), request.note(), lines,
                request.templateId());
    }
}
