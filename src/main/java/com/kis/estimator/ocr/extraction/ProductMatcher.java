package com.kis.estimator.ocr.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.kis.estimator.catalog.CatalogLookup.ProductInfo;

/**
 * Finds the catalog products a line may mean, from the code and the description read. A code that folds
 * (see {@link Confusions}) to a catalog code's key is near certain; otherwise codes are compared by edit
 * distance and descriptions by shared character pairs, which is indifferent to the spacing OCR puts into
 * Korean. When code and description point at the same product, their evidence adds up.
 */
final class ProductMatcher {

    /** A product the line may mean, and how well it fits (0–1). */
    record Candidate(String code, String name, String unit, double score) {
    }

    private static final double MIN_SCORE = 0.5;
    private static final int MAX_CANDIDATES = 3;

    private final List<Indexed> products;
    private final Map<String, List<Indexed>> byCodeKey = new HashMap<>();

    private record Indexed(ProductInfo product, String codeKey, Set<String> namePairs) {
    }

    ProductMatcher(List<ProductInfo> catalog) {
        this.products = catalog.stream()
                .map(p -> new Indexed(p, Confusions.codeKey(p.code()), pairs(Confusions.textKey(p.name()))))
                .toList();
        products.forEach(p -> byCodeKey.computeIfAbsent(p.codeKey(), k -> new ArrayList<>()).add(p));
    }

    /** The best few candidates, best first; empty when nothing fits at least half-way. */
    List<Candidate> match(String codeRead, String descriptionRead) {
        String code = codeRead == null ? "" : codeRead.strip();
        Map<Indexed, Double> byCode = codeScores(code);
        // a description alone is weaker evidence than a code, and weaker still against a code read that fits
        // nothing: variants share their descriptions more easily than their codes
        double descriptionWeight = byCode.isEmpty() && Confusions.codeKey(code).length() >= 3 ? 0.75 : 0.95;
        Set<String> readPairs = pairs(Confusions.textKey(descriptionRead == null ? "" : descriptionRead));
        List<Candidate> candidates = new ArrayList<>();
        for (Indexed product : products) {
            double byItsCode = byCode.getOrDefault(product, 0.0);
            double name = readPairs.isEmpty() ? 0 : dice(readPairs, product.namePairs());
            double score = byItsCode > 0 && name >= MIN_SCORE ? 1 - (1 - byItsCode) * (1 - name)
                    : Math.max(byItsCode, name * descriptionWeight);
            if (score >= MIN_SCORE) {
                ProductInfo p = product.product();
                candidates.add(new Candidate(p.code(), p.name(), p.unit(), Math.min(1.0, score)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::code));
        return List.copyOf(candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size())));
    }

    private Map<Indexed, Double> codeScores(String read) {
        Map<Indexed, Double> scores = new HashMap<>();
        String key = Confusions.codeKey(read);
        if (key.length() < 3) {
            return scores;
        }
        String upper = read.toUpperCase(Locale.ROOT);
        List<Indexed> folded = byCodeKey.getOrDefault(key, List.of());
        for (Indexed product : folded) {
            // several codes may fold alike; the one closest to what was literally read wins
            double literal = similarity(upper, product.product().code().toUpperCase(Locale.ROOT));
            scores.put(product, literal == 1.0 ? 1.0 : folded.size() == 1 ? 0.95 : 0.85 + 0.1 * literal);
        }
        if (!folded.isEmpty()) {
            return scores;
        }
        for (Indexed product : products) {
            if (Math.abs(product.codeKey().length() - key.length()) > 3) {
                continue;
            }
            double similarity = similarity(key, product.codeKey());
            if (similarity >= 0.6) {
                scores.put(product, 0.9 * similarity);
            }
        }
        return scores;
    }

    /** 1 − edit distance / longer length. */
    static double similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / Math.max(a.length(), b.length());
    }

    /** Sørensen–Dice over character pairs: how much two texts share, whatever the spacing. */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String pair : a) {
            if (b.contains(pair)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    static Set<String> pairs(String key) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < key.length(); i++) {
            pairs.add(key.substring(i, i + 2));
        }
        if (key.length() == 1) {
            pairs.add(key);
        }
        return pairs;
    }
}
