package com.kis.estimator.catalog.product;

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
@RequestMapping("/api/v1/products")
@Tag(name = "catalog")
class ProductController {

    private final ProductRepository products;
    private final ProductMaintenance maintenance;

    ProductController(ProductRepository products, ProductMaintenance maintenance) {
        this.products = products;
        this.maintenance = maintenance;
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Search products by part of the code or the Korean name (spaces ignored)")
    Page<ProductResponse> search(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 40) String category,
            @RequestParam(required = false) Boolean active,
            @PageableDefault(size = 20, sort = "code", direction = Sort.Direction.ASC)
            @ParameterObject @SortableBy({"code", "name", "category", "listPrice", "createdAt", "updatedAt"}) Pageable page) {
        return products.findAll(ProductSearch.matching(q, category, active), page).map(ProductResponse::of);
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping("/{code}")
    @Transactional(readOnly = true)
    ProductResponse read(@PathVariable String code) {
        return products.findByCode(code).map(ProductResponse::of)
                .orElseThrow(() -> ApiProblemException.notFound("Product", code));
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "409", description = "A product with this code exists")
    @ApiResponse(responseCode = "422", description = "A value a business rule refuses (`business-rule`)")
    ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductRequest request) {
        Product product = maintenance.create(request);
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.getCode()))
                .body(ProductResponse.of(product));
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PutMapping("/{code}")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "409", description = "Changed by someone else meanwhile")
    @ApiResponse(responseCode = "422", description = "A value a business rule refuses (`business-rule`)")
    ProductResponse update(@PathVariable String code, @Valid @RequestBody ProductRequest request) {
        return ProductResponse.of(maintenance.update(code, request));
    }
}
