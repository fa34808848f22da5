package com.kis.estimator.ai.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.ai.features.FeatureRefused;
import com.kis.estimator.ai.features.FeatureSchema;
import com.kis.estimator.ai.training.Example;

/**
 * {@code erp_ai.training_data}: one feature snapshot per closed estimate (WON or LOST), taken when it closed,
 * from the estimates themselves, a file of historical outcomes, or the embedded default's synthetic history.
 */
@Repository
public class TrainingData {

    /** The examples for a schema; rows whose features do not fit it (an older schema) are left out. */
    public record Examples(List<Example> examples, int skipped, boolean synthetic) {
    }

    static final Duration OVERALL_RATE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private record OverallRate(double rate, Instant countedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile OverallRate overall;

    TrainingData(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void add(String source, Long estimateId, String estimateNumber, String customerCode,
            Map<String, Object> features, boolean won, Instant closedAt) {
        add(source, estimateId, estimateNumber, customerCode, List.of(), features, won, closedAt);
    }

    /** @param productCodes the products the estimate quoted, for analyses per product */
    public void add(String source, Long estimateId, String estimateNumber, String customerCode,
            List<String> productCodes, Map<String, Object> features, boolean won, Instant closedAt) {
        String products = productCodes.isEmpty() ? null : "|" + String.join("|", productCodes) + "|";
        overall = null;
        jdbc.update("INSERT INTO erp_ai.training_data (source, estimate_id, estimate_number, customer_code,"
                + " product_codes, features, won, closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", source,
                estimateId, estimateNumber, customerCode, products, write(features), won, Timestamp.from(closedAt),
                Timestamp.from(clock.instant()));
    }

    /** A closed estimate as an analysis reads it. */
    public record Closed(String estimateNumber, String customerCode, double maxDiscountPercent, boolean won,
            Instant closedAt, boolean synthetic) {
    }

    public List<Closed> ofCustomer(String customerCode) {
        return closed("customer_code = ?", customerCode);
    }

    public List<Closed> ofProduct(String productCode) {
        return closed("product_codes LIKE ?", "%|" + productCode.replace("%", "").replace("_", "") + "|%");
    }

    public List<Closed> between(Instant from, Instant until) {
        return closed("closed_at >= ? AND closed_at < ?", Timestamp.from(from), Timestamp.from(until));
    }

    private List<Closed> closed(String condition, Object... arguments) {
        return jdbc.query("SELECT estimate_number, customer_code, features, won, closed_at, source"
                + " FROM erp_ai.training_data WHERE " + condition + " ORDER BY closed_at", (rs, n) -> {
                    Object discount;
                    try {
                        discount = json.readValue(rs.getString(3), new TypeReference<Map<String, Object>>() {
                        }).get("maxDiscountPercent");
                    } catch (JsonProcessingException e) {
                        discount = null;
                    }
                    return new Closed(rs.getString(1), rs.getString(2),
                            discount instanceof Number number ? number.doubleValue() : 0, rs.getBoolean(4),
                            rs.getTimestamp(5).toInstant(), "synthetic".equals(rs.getString(6)));
                }, arguments);
    }

    /**
     * The customer's share of won estimates among those closed before, or the whole history's share when the
     * customer has none yet (a new customer is taken as average, not as hopeless); 0.5 without any history.
     */
    public double winRate(String customerCode) {
        Map<String, Object> own = jdbc.queryForMap("SELECT COUNT(*) AS closed, SUM(CASE WHEN won THEN 1 ELSE 0 END)"
                + " AS won FROM erp_ai.training_data WHERE customer_code = ?", customerCode);
        long closed = ((Number) own.get("closed")).longValue();
        if (closed > 0) {
            return ((Number) own.get("won")).doubleValue() / closed;
        }
        return overallWinRate();
    }

    /**
     * The whole history's share, counted at most every {@link #OVERALL_RATE_TIME_TO_LIVE} (and after each
     * {@link #add} on this replica): it is a prior for new customers that moves slowly, and counting it meant
     * reading the whole history on every submission for a new customer.
     */
    private double overallWinRate() {
        OverallRate known = overall;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.countedAt().plus(OVERALL_RATE_TIME_TO_LIVE))) {
            return known.rate();
        }
        Map<String, Object> all = jdbc.queryForMap("SELECT COUNT(*) AS closed, SUM(CASE WHEN won THEN 1 ELSE 0 END)"
                + " AS won FROM erp_ai.training_data");
        long total = ((Number) all.get("closed")).longValue();
        double rate = total == 0 ? 0.5 : ((Number) all.get("won")).doubleValue() / total;
        overall = new OverallRate(rate, now);
        return rate;
    }

    /** Whether the estimate's outcome is already in the history (a close is recorded once). */
    public boolean has(long estimateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.training_data WHERE estimate_id = ?", Long.class,
                estimateId) > 0;
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM erp_ai.training_data", Long.class);
    }

    public Examples examples(FeatureSchema schema) {
        List<Example> examples = new ArrayList<>();
        int[] skipped = {0};
        boolean[] synthetic = {false};
        jdbc.query("SELECT features, won, source FROM erp_ai.training_data ORDER BY id", rs -> {
            try {
                Map<String, Object> features = json.readValue(rs.getString(1), new TypeReference<>() {
                });
                examples.add(new Example(schema.vector(features), rs.getBoolean(2)));
                synthetic[0] |= "synthetic".equals(rs.getString(3));
            } catch (JsonProcessingException | FeatureRefused e) {
                skipped[0]++;
            }
        });
        return new Examples(examples, skipped[0], synthetic[0]);
    }

    private String write(Map<String, Object> features) {
        try {
            return json.writeValueAsString(features);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
