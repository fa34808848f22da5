package com.kis.estimator.catalog.customer;

import java.net.URI;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.platform.crypto.ColumnCipher;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.SortableBy;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "catalog")
class CustomerController {

    private final CustomerRepository customers;
    private final CustomerMaintenance maintenance;

    private final ColumnCipher cipher;

    CustomerController(CustomerRepository customers, CustomerMaintenance maintenance, ColumnCipher cipher) {
        this.cipher = cipher;
        this.customers = customers;
        this.maintenance = maintenance;
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "List customers, or search by part of the code or name, or by registration number")
    Page<CustomerResponse> search(@RequestParam(required = false) @Size(max = 100) String q,
            @PageableDefault(size = 20, sort = "code", direction = Sort.Direction.ASC)
            @ParameterObject @SortableBy({"code", "name", "tier", "createdAt", "updatedAt"}) Pageable page) {
        if (q == null || q.isBlank()) {
            return customers.findAllWithPriceList(page).map(CustomerResponse::of);
        }
        String brn = BusinessRegistrationNumber.normalize(q);
        // Registration numbers are encrypted: they are found by their blind index, never by a partial match.
        return customers.search(q.strip(), brn == null ? "" : cipher.blindIndex(brn), page).map(CustomerResponse::of);
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping("/{code}")
    @Transactional(readOnly = true)
    CustomerResponse read(@PathVariable String code) {
        return customers.findByCode(code).map(CustomerResponse::of)
                .orElseThrow(() -> ApiProblemException.notFound("Customer", code));
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "409", description = "A customer with this code or registration number exists")
    @ApiResponse(responseCode = "422", description = "The price list named does not exist (`unknown-reference`) or a business rule refuses a value")
    ResponseEntity<CustomerResponse> create(@Valid @RequestBody CustomerRequest request) {
        Customer customer = maintenance.create(request);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.getCode()))
                .body(CustomerResponse.of(customer));
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PutMapping("/{code}")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "409", description = "Changed by someone else meanwhile, or the registration number belongs to another customer")
    @ApiResponse(responseCode = "422", description = "The price list named does not exist (`unknown-reference`) or a business rule refuses a value")
    CustomerResponse update(@PathVariable String code, @Valid @RequestBody CustomerRequest request) {
        return CustomerResponse.of(maintenance.update(code, request));
    }
}
