package com.kis.estimator.pricing.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.kis.estimator.pricing.ContractPrice;
import com.kis.estimator.pricing.EstimateToPrice;
import com.kis.estimator.pricing.LineToPrice;
import com.kis.estimator.pricing.PriceCalculator;
import com.kis.estimator.pricing.PricedEstimate;
import com.kis.estimator.pricing.PricingRules;
import com.kis.estimator.pricing.ProductPrice;
import com.kis.estimator.pricing.VolumeTier;

/**
 * Pricing throughput for a 20-line and a 500-line estimate, against a baseline in the same run that only
 * multiplies quantity by list price and sums (no contract prices, tiers, discounts, VAT or margins).
 * Run: bench/pricing.sh. Results are estimates per second; lines per second = estimates/s × lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PricingBenchmark {

    @Param({"20", "500"})
    int lines;

    private final PriceCalculator calculator = new PriceCalculator(PricingRules.KOREAN_DEFAULT);
    private EstimateToPrice estimate;

    @Setup
    public void realisticEstimate() {
        List<VolumeTier> tiers = List.of(
                new VolumeTier(null, BigDecimal.valueOf(10), new BigDecimal("2")),
                new VolumeTier(null, BigDecimal.valueOf(50), new BigDecimal("4")),
                new VolumeTier("CABLE", BigDecimal.valueOf(500), new BigDecimal("3")));
        List<LineToPrice> toPrice = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String category = i % 3 == 0 ? "CABLE" : "BREAKER";
            ProductPrice product = new ProductPrice("P-" + i, category, BigDecimal.valueOf(1_000 + 37L * i),
                    BigDecimal.valueOf(700 + 29L * i), 1);
            List<ContractPrice> contract = i % 2 == 0 ? List.of(new ContractPrice("PL", BigDecimal.valueOf(950 + 35L * i),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))) : List.of();
            toPrice.add(new LineToPrice(product, BigDecimal.valueOf(1 + i % 700), new BigDecimal(i % 7 + ".5"), contract));
        }
        estimate = new EstimateToPrice(LocalDate.of(2026, 6, 30), toPrice, new BigDecimal("2.5"), tiers);
    }

    @Benchmark
    public PricedEstimate priceWaterfall() {
        return calculator.price(estimate);
    }

    @Benchmark
    public BigDecimal baselineQuantityTimesListPrice() {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineToPrice line : estimate.lines()) {
            sum = sum.add(line.quantity().multiply(line.product().listPrice()));
        }
        return sum;
    }
}
