package com.kis.estimator.catalog.product;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import com.kis.estimator.platform.persistence.TextSearch;

import jakarta.persistence.criteria.Predicate;

/** Product search: part of the code or of the Korean name ({@link TextSearch}), category and active flag. */
final class ProductSearch {

    private ProductSearch() {
    }

    static Specification<Product> matching(String text, String category, Boolean active) {
        TextSearch typed = TextSearch.of(text);
        return (root, query, cb) -> {
            List<Predicate> conditions = new ArrayList<>();
            if (typed != null) {
                conditions.add(cb.or(typed.inCode(cb, root.get("code")), typed.inName(cb, root.get("name"))));
            }
            if (category != null && !category.isBlank()) {
                conditions.add(cb.equal(root.get("category"), category));
            }
            if (active != null) {
                conditions.add(cb.equal(root.get("active"), active));
            }
            return cb.and(conditions.toArray(Predicate[]::new));
        };
    }
}
