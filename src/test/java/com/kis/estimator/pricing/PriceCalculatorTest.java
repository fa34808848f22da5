package com.kis.estimator.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceCalculatorTest {

    private static final LocalDate PRICING_DATE = LocalDate.of(2026, 6, 30);
    private final PriceCalculator calculator = new PriceCalculator(PricingRules.KOREAN_DEFAULT);

    @Test
    void plainLineIsQuantityTimesListPriceAndVatIsTenPercent() {
        PricedEstimate estimate = price(List.of(line(product("MCCB-100", "BREAKER", 10_000, 7_000), 3, 0)), 0);

        assertThat(estimate.subtotal()).isEqualByComparingTo("30000");
        assertThat(estimate.supplyAmount()).isEqualByComparingTo("30000");
        assertThat(estimate.vat()).isEqualByComparingTo("3000");
        assertThat(estimate.total()).isEqualByComparingTo("33000");
        assertThat(estimate.margin()).isEqualByComparingTo("9000");
        assertThat(estimate.marginRate()).isEqualByComparingTo("30.00");
    }

    @Nested
    class Rounding {

        @ParameterizedTest(name = "{0} won at {1} % off -> {2}")
        @CsvSource({
                "999, 50, 500",     // 499.5 rounds up
                "1005, 50, 503",    // 502.5 rounds up
                "997, 50, 499",     // 498.5 rounds up
                "1001, 33.33, 667", // 667.3667 rounds down
                "1, 50, 1"})        // half a won still rounds up
        void lineNetRoundsHalfUpToTheWon(long unitPrice, String discount, long expectedNet) {
            PricedEstimate estimate = price(List.of(line(product("P", null, unitPrice, 0), 1, discount)), 0);

            assertThat(estimate.lines().get(0).netAmount()).isEqualByComparingTo(BigDecimal.valueOf(expectedNet));
        }

        @Test
        void netIsRoundedOnceFromTheExactWaterfallNotStepByStep() {
            // 1,006 won − 90 % tier = 100.6; − 50 % = 50.3 → 50. Rounding after the tier (101) would give 50.5 → 51.
            PricedEstimate estimate = price(List.of(line(product("P", null, 1_006, 0), 1, "50")), 0,
                    List.of(new VolumeTier(null, BigDecimal.ONE, new BigDecimal("90"))));

            assertThat(estimate.lines().get(0).netAmount()).isEqualByComparingTo("50");
        }

        @ParameterizedTest(name = "supply {0} -> VAT {1}")
        @CsvSource({"12345, 1234", "12349, 1234", "12340, 1234", "9, 0", "19, 1"})
        void vatDropsFractionsOfAWon(long supply, long expectedVat) {
            PricedEstimate estimate = price(List.of(line(product("P", null, supply, 0), 1, "0")), 0);

            assertThat(estimate.vat()).isEqualByComparingTo(BigDecimal.valueOf(expectedVat));
            assertThat(estimate.total()).isEqualByComparingTo(BigDecimal.valueOf(supply + expectedVat));
        }

        @ParameterizedTest(name = "subtotal {0} at {1} % -> discount {2}")
        @CsvSource({"100001, 2.5, 2500", "33333, 1.5, 500", "10, 5, 1", "10, 4, 0"})
        void estimateDiscountRoundsHalfUpToTheWon(long subtotal, String rate, long expectedDiscount) {
            PricedEstimate estimate = price(List.of(line(product("P", null, subtotal, 0), 1, "0")), rate);

            assertThat(estimate.discountAmount()).isEqualByComparingTo(BigDecimal.valueOf(expectedDiscount));
            assertThat(estimate.supplyAmount()).isEqualByComparingTo(BigDecimal.valueOf(subtotal - expectedDiscount));
        }
    }

    @Test
    void waterfallStepsAddUpToTheNetAmount() {
        List<VolumeTier> tiers = List.of(new VolumeTier(null, BigDecimal.valueOf(5), new BigDecimal("3")));
        PricedLine line = price(List.of(line(product("ACB-800", "BREAKER", 13_000, 9_000), 7, "12.5")), 0, tiers)
                .lines().get(0);
        PriceWaterfall waterfall = line.waterfall();

        // 7 × 13,000 = 91,000; −3 % = 88,270; −12.5 % = 77,236.25 → 77,236
        assertThat(waterfall.grossAmount()).isEqualByComparingTo("91000");
        assertThat(waterfall.tierDiscountRate()).isEqualByComparingTo("3");
        assertThat(waterfall.tierDiscountAmount()).isEqualByComparingTo("2730");
        assertThat(waterfall.lineDiscountAmount()).isEqualByComparingTo("11034");
        assertThat(waterfall.netAmount()).isEqualByComparingTo("77236");
        assertThat(waterfall.grossAmount().subtract(waterfall.tierDiscountAmount())
                .subtract(waterfall.lineDiscountAmount())).isEqualByComparingTo(waterfall.netAmount());
        assertThat(line.margin()).isEqualByComparingTo("14236");
        assertThat(line.marginRate()).isEqualByComparingTo("18.43");
    }

    @Test
    void fullDiscountGivesTheLineAwayAtAFullLoss() {
        PricedEstimate estimate = price(List.of(line(product("P", null, 50_000, 30_000), 2, "100")), 0);
        PricedLine line = estimate.lines().get(0);

        assertThat(line.netAmount()).isEqualByComparingTo("0");
        assertThat(line.waterfall().lineDiscountAmount()).isEqualByComparingTo("100000");
        assertThat(line.margin()).isEqualByComparingTo("-60000");
        assertThat(line.marginRate()).isEqualByComparingTo("-100");
        assertThat(estimate.total()).isEqualByComparingTo("0");
        assertThat(estimate.marginRate()).isEqualByComparingTo("-100");
    }

    @Test
    void freeSampleWithoutCostHasZeroMargin() {
        PricedLine line = price(List.of(line(product("SAMPLE", null, 0, 0), 1, "0")), 0).lines().get(0);

        assertThat(line.marginRate()).isEqualByComparingTo("0");
    }

    @Nested
    class VolumeTiers {

        private final List<VolumeTier> tiers = List.of(
                new VolumeTier(null, BigDecimal.valueOf(10), new BigDecimal("3")),
                new VolumeTier(null, BigDecimal.valueOf(50), new BigDecimal("5")),
                new VolumeTier("CABLE", BigDecimal.valueOf(100), new BigDecimal("2")),
                new VolumeTier("CABLE", BigDecimal.valueOf(1000), new BigDecimal("6")));

        @ParameterizedTest(name = "{0} × {1} -> {2} %")
        @CsvSource({
                "BREAKER, 9, 0", "BREAKER, 10, 3", "BREAKER, 49, 3", "BREAKER, 50, 5", "BREAKER, 5000, 5",
                "CABLE, 50, 0", "CABLE, 99, 0", "CABLE, 100, 2", "CABLE, 999, 2", "CABLE, 1000, 6",
                ", 10, 3"})
        void highestReachedTierOfTheProductsScaleApplies(String category, long quantity, String expectedRate) {
            PricedLine line = price(List.of(line(product("P", category, 1_000, 0), quantity, "0")), 0, tiers)
                    .lines().get(0);

            assertThat(line.waterfall().tierDiscountRate()).isEqualByComparingTo(expectedRate);
        }
    }

    @Nested
    class ContractPrices {

        private final ProductPrice breaker = product("MCCB-225", "BREAKER", 100_000, 60_000);
        private final ContractPrice firstHalf = new ContractPrice("PL-HYUNDAI", BigDecimal.valueOf(90_000),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        private final ContractPrice fromJune = new ContractPrice("PL-HYUNDAI", BigDecimal.valueOf(88_000),
                LocalDate.of(2026, 6, 1), null);
        private final ContractPrice future = new ContractPrice("PL-HYUNDAI", BigDecimal.valueOf(80_000),
                LocalDate.of(2026, 7, 1), null);

        @Test
        void contractPriceValidOnThePricingDateReplacesTheListPrice() {
            PriceWaterfall waterfall = priceOn(LocalDate.of(2026, 6, 30), firstHalf);

            assertThat(waterfall.unitPrice()).isEqualByComparingTo("90000");
            assertThat(waterfall.priceListCode()).isEqualTo("PL-HYUNDAI");
            assertThat(waterfall.listPrice()).isEqualByComparingTo("100000");
        }

        @Test
        void expiredOrFutureContractPriceFallsBackToTheListPrice() {
            assertThat(priceOn(LocalDate.of(2026, 7, 1), firstHalf).unitPrice()).isEqualByComparingTo("100000");
            assertThat(priceOn(LocalDate.of(2025, 12, 31), firstHalf).unitPrice()).isEqualByComparingTo("100000");
            assertThat(priceOn(LocalDate.of(2026, 6, 30), future).priceListCode()).isNull();
        }

        @Test
        void whenTwoAreValidTheOneThatStartedLastApplies() {
            assertThat(priceOn(LocalDate.of(2026, 6, 15), firstHalf, fromJune).unitPrice())
                    .isEqualByComparingTo("88000");
        }

        private PriceWaterfall priceOn(LocalDate date, ContractPrice... prices) {
            LineToPrice line = new LineToPrice(breaker, BigDecimal.ONE, BigDecimal.ZERO, List.of(prices));
            return calculator.price(new EstimateToPrice(date, List.of(line), BigDecimal.ZERO, List.of()))
                    .lines().get(0).waterfall();
        }
    }

    @Test
    void estimateTotalsSumTheLinesAndApplyTheEstimateDiscount() {
        PricedEstimate estimate = price(List.of(
                line(product("A", null, 1_234_567, 1_000_000), 1, "0"),
                line(product("B", null, 45_678, 20_000), 3, "10")), "7.5");

        // B: 137,034 × 0.9 = 123,330.6 → 123,331; subtotal 1,357,898; 7.5 % = 101,842.35 → 101,842
        assertThat(estimate.subtotal()).isEqualByComparingTo("1357898");
        assertThat(estimate.discountAmount()).isEqualByComparingTo("101842");
        assertThat(estimate.supplyAmount()).isEqualByComparingTo("1256056");
        assertThat(estimate.vat()).isEqualByComparingTo("125605");
        assertThat(estimate.total()).isEqualByComparingTo("1381661");
        assertThat(estimate.cost()).isEqualByComparingTo("1060000");
        assertThat(estimate.margin()).isEqualByComparingTo("196056");
        assertThat(estimate.marginRate()).isEqualByComparingTo("15.61");
        assertThat(estimate.largestManualDiscountRate()).isEqualByComparingTo("10");
    }

    @Test
    void eachLineRemembersThePriceVersionItWasPricedWith() {
        PricedLine line = price(List.of(line(new ProductPrice("P", null, BigDecimal.TEN, BigDecimal.ONE, 4), 1, "0")),
                0).lines().get(0);

        assertThat(line.priceVersion()).isEqualTo(4);
        assertThat(line.isStaleAgainst(4)).isFalse();
        assertThat(line.isStaleAgainst(5)).isTrue();
    }

    @Test
    void refusesWhatCannotBePriced() {
        ProductPrice product = product("P", null, 1_000, 0);
        assertThatThrownBy(() -> line(product, 0, "0")).hasMessageContaining("quantity");
        assertThatThrownBy(() -> line(product, 1, "100.01")).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> line(product, 1, "-1")).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> new EstimateToPrice(PRICING_DATE, List.of(), new BigDecimal("101"), List.of()))
                .hasMessageContaining("estimate discount");
        assertThatThrownBy(() -> new ContractPrice("PL", BigDecimal.ONE, PRICING_DATE, PRICING_DATE.minusDays(1)))
                .hasMessageContaining("before validFrom");
    }

    @Test
    void emptyEstimateIsZero() {
        PricedEstimate estimate = price(List.of(), 0);

        assertThat(estimate.total()).isEqualByComparingTo("0");
        assertThat(estimate.marginRate()).isEqualByComparingTo("0");
    }

    private PricedEstimate price(List<LineToPrice> lines, Object discountRate) {
        return price(lines, discountRate, List.of());
    }

    private PricedEstimate price(List<LineToPrice> lines, Object discountRate, List<VolumeTier> tiers) {
        return calculator.price(new EstimateToPrice(PRICING_DATE, lines, new BigDecimal(discountRate.toString()), tiers));
    }

    private static LineToPrice line(ProductPrice product, long quantity, Object discountRate) {
        return new LineToPrice(product, BigDecimal.valueOf(quantity), new BigDecimal(discountRate.toString()), List.of());
    }

    private static ProductPrice product(String code, String category, long listPrice, long cost) {
        return new ProductPrice(code, category, BigDecimal.valueOf(listPrice), BigDecimal.valueOf(cost), 1);
    }
}
