package com.kis.estimator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.JsonHttp;
import com.kis.estimator.PostgresIntegrationTest;
import com.kis.estimator.catalog.product.Product;
import com.kis.estimator.catalog.product.ProductRepository;

/** The search queries against PostgreSQL's LIKE and case rules, written through the repository. */
@PostgresIntegrationTest
class ProductSearchRepositoryTest {

    private final String run = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired ProductRepository products;
    @Autowired TestRestTemplate rest;

    @Test
    void likeWildcardsInTheSearchTextAreTakenLiterally() {
        save("T-PCT-" + run, "할인율 100%_특가 " + run);
        save("T-ANY-" + run, "할인율 1000 특가 " + run);

        JsonNode found = JsonHttp.as(rest, "admin").get("/api/v1/products?q=100%_특가 " + run).getBody();

        assertThat(found.path("content").findValuesAsText("code")).containsExactly("T-PCT-" + run);
    }

    @Test
    void inactiveProductsAreFoundOnlyWhenAsked() {
        Product old = save("T-OLD-" + run, "단종 품목 " + run);
        old.describe(old.getName(), null, "BREAKER", "EA", false);
        products.save(old);

        JsonHttp http = JsonHttp.as(rest, "admin");
        assertThat(http.get("/api/v1/products?active=true&q=단종품목" + run).getBody().path("content")).isEmpty();
        assertThat(http.get("/api/v1/products?active=false&q=단종품목" + run).getBody().path("content")).hasSize(1);
        assertThat(products.findByCodeIn(List.of("T-OLD-" + run, "NONE"))).hasSize(1);
    }

    private Product save(String code, String name) {
        Product product = new Product(code, false);
        product.describe(name, null, "BREAKER", "EA", true);
        product.reprice(BigDecimal.valueOf(1_000), BigDecimal.valueOf(500));
        return products.save(product);
    }
}
