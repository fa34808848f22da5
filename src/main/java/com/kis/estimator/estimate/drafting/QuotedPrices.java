package com.kis.estimator.estimate.drafting;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.PricePoint;
import com.kis.estimator.estimate.model.Estimate;

/**
 * The prices estimates were approved at ({@code estimator.quoted_prices}), kept for the price anomalies: a line
 * for each line of the approved revision, written in the approval's transaction.
 */
@Component
class QuotedPrices {

    private static final String RECORD = """
            INSERT INTO estimator.quoted_prices
                (estimate_id, product_code, customer_tier, net_amount, quantity, discount_rate, priced_at)
            SELECT r.estimate_id, i.product_code, r.customer_tier, i.net_amount, i.quantity, i.discount_rate,
                   r.created_at
            FROM estimator.estimate_revisions r
            JOIN estimator.estimate_items i ON i.revision_id = r.id
            WHERE r.estimate_id = :estimate AND r.revision = :revision""";

    /** One product's latest quotes; the index on (product, tier, priced_at) reads no more than that. */
    private static final String RECENT = """
            (SELECT product_code, net_amount, quantity, discount_rate FROM estimator.quoted_prices
             WHERE product_code = :code%1$d AND customer_tier = :tier AND estimate_id <> :excluded
             ORDER BY priced_at DESC, id DESC LIMIT :mostRecent)""";

    private final NamedParameterJdbcTemplate jdbc;

    QuotedPrices(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Estimate approved) {
        jdbc.update(RECORD, new MapSqlParameterSource("estimate", approved.getId())
                .addValue("revision", approved.getCurrentRevision()));
    }

    List<PricePoint> recent(Collection<String> productCodes, String customerTier, long excludingEstimateId,
            int mostRecent) {
        if (productCodes.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("tier", customerTier)
                .addValue("excluded", excludingEstimateId).addValue("mostRecent", mostRecent);
        List<String> perProduct = new ArrayList<>();
        for (String code : new LinkedHashSet<>(productCodes)) {
            parameters.addValue("code" + perProduct.size(), code);
            perProduct.add(RECENT.formatted(perProduct.size()));
        }
        return jdbc.query(String.join("\nUNION ALL\n", perProduct), parameters,
                (row, n) -> new PricePoint(row.getString("product_code"),
                        row.getBigDecimal("net_amount").divide(row.getBigDecimal("quantity"), 2, RoundingMode.HALF_UP),
                        row.getBigDecimal("discount_rate")));
    }
}
