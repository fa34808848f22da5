package com.kis.estimator.estimate.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.kis.estimator.pricing.PricingRules;

/**
 * @param vatRate         VAT as a fraction
 * @param amountRounding  rounding of line net amounts and the estimate discount to the won
 * @param vatRounding     rounding of VAT to the won (DOWN: fractions dropped, as on a tax invoice)
 * @param cacheTimeToLive how long a computed quote stays in Redis (the design's application cache: 15 min)
 * @param defaultValidity how long an estimate is valid when the request names no date
 */
@ConfigurationProperties("kis.pricing")
public record PricingProperties(
        @DefaultValue("0.10") BigDecimal vatRate,
        @DefaultValue("HALF_UP") RoundingMode amountRounding,
        @DefaultValue("DOWN") RoundingMode vatRounding,
        @DefaultValue("15m") Duration cacheTimeToLive,
        @DefaultValue("30d") Duration defaultValidity) {

    public PricingRules rules() {
        return new PricingRules(vatRate, amountRounding, vatRounding);
    }
}
