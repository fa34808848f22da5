package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The configurable rules of the price calculation, and the only place where amounts are rounded.
 *
 * <p>Defaults follow Korean practice: line amounts and the estimate discount round half-up to the won; VAT
 * (부가세) is 10 % of the supply amount (공급가액) with fractions of a won dropped, as on a tax invoice.
 *
 * @param vatRate       VAT as a fraction (0.10)
 * @param amountRounding how a line net amount and the estimate discount are rounded to the won
 * @param vatRounding   how VAT is rounded to the won
 */
public record PricingRules(BigDecimal vatRate, RoundingMode amountRounding, RoundingMode vatRounding) {

    public static final PricingRules KOREAN_DEFAULT =
            new PricingRules(new BigDecimal("0.10"), RoundingMode.HALF_UP, RoundingMode.DOWN);

    /** Percentages (margin, discount rates) are reported with two decimals. */
    private static final int RATE_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PricingRules {
        Objects.requireNonNull(vatRate, "vatRate");
        Objects.requireNonNull(amountRounding, "amountRounding");
        Objects.requireNonNull(vatRounding, "vatRounding");
        if (vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("vatRate must be a fraction between 0 and 1, was " + vatRate);
        }
    }

    /** A line net amount or an estimate discount, to the won. */
    BigDecimal toWon(BigDecimal amount) {
        return amount.setScale(0, amountRounding);
    }

    /** VAT on a supply amount, to the won. */
    BigDecimal vatOn(BigDecimal supplyAmount) {
        return supplyAmount.multiply(vatRate).setScale(0, vatRounding);
    }

    /** {@code part / whole} as a percentage with two decimals; zero when there is no whole. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATE_SCALE);
        }
        return part.multiply(HUNDRED).divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** The factor that leaves what a discount of {@code percent} % does not take away: 12.5 → 0.875. */
    static BigDecimal remainingAfter(BigDecimal percent) {
        return BigDecimal.ONE.subtract(percent.movePointLeft(2));
    }
}
