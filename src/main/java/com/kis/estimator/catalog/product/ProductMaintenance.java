package com.kis.estimator.catalog.product;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.CatalogChanged;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

/** Creates and changes products; every change is announced so that cached quotes are dropped. */
@Service
@Transactional
class ProductMaintenance {

    private final ProductRepository products;
    private final ApplicationEventPublisher events;

    ProductMaintenance(ProductRepository products, ApplicationEventPublisher events) {
        this.products = products;
        this.events = events;
    }

    Product create(ProductRequest request) {
        if (request.code() == null) {
            throw ApiProblemException.businessRule("code", "a new product needs a code");
        }
        if (products.existsByCode(request.code())) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Product " + request.code() + " already exists");
        }
        Product product = new Product(request.code(), false);
        apply(product, request);
        return products.save(product);
    }

    Product update(String code, ProductRequest request) {
        Product product = products.findByCode(code).orElseThrow(() -> ApiProblemException.notFound("Product", code));
        if (request.code() != null && !request.code().equals(code)) {
            throw ApiProblemException.businessRule("code", "a product code cannot be changed");
        }
        apply(product, request);
        events.publishEvent(new CatalogChanged("product " + code));
        return product;
    }

    private static void apply(Product product, ProductRequest request) {
        product.describe(request.name(), request.spec(), request.category(), request.unit(),
                request.activeOrDefault());
        product.reprice(request.listPrice(), request.cost());
    }
}
