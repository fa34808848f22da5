package com.kis.estimator.catalog.product;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * Product search as sales staff type it: part of the code in any case, or part of the Korean name with or
 * without spaces ("배선용차단기" finds "배선용 차단기").
 */
final class ProductSearch {

    private static final char ESCAPE = '\\';

    private ProductSearch() {
    }

    static Specification<Product> matching(String text, String category, Boolean active) {
        return (root, query, cb) -> {
            List<Predicate> conditions = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                String compact = likePattern(text.replace(" ", ""));
                Expression<String> nameWithoutSpaces =
                        cb.function("replace", String.class, root.get("name"), cb.literal(" "), cb.literal(""));
                conditions.add(cb.or(
                        cb.like(cb.upper(root.get("code")), compact.toUpperCase(), ESCAPE),
                        cb.like(nameWithoutSpaces, compact, ESCAPE)));
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

    private static String likePattern(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
