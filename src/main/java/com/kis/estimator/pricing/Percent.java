package com.kis.estimator.pricing;

import java.math.BigDecimal;

/** Checks for discount percentages: 0 to 100 inclusive. */
final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    static BigDecimal requireDiscount(BigDecimal percent, String what) {
        if (percent == null) {
            return BigDecimal.ZERO;
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and 100 %, was " + percent);
        }
        return percent;
    }
}
