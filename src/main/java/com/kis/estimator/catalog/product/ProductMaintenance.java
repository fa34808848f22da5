package com.kis.estimator.catalog.product;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.CatalogChanged;
import com.kis.estimator.catalog.support.MasterCodes;
import com.kis.estimator.platform.web.ApiProblemException;

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
        MasterCodes.requireNew(request.code(), products.existsByCode(request.code()), "product");
        Product product = new Product(request.code(), false);
        apply(product, request);
        return products.save(product);
    }

    Product update(String code, ProductRequest request) {
        Product product = products.findByCode(code).orElseThrow(() -> ApiProblemException.notFound("Product", code));
        MasterCodes.requireUnchanged(code, request.code(), "product");
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
