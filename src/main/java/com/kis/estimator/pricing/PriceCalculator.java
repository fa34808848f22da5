package com.kis.estimator.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prices an estimate: per line list price → customer contract price (if valid on the pricing date) → volume
 * tier discount → manual line discount → net amount; then subtotal, estimate discount, supply amount, VAT and
 * total, and margins from product cost. Stateless and thread-safe.
 */
public final class PriceCalculator {

    private static final BigDecimal MINUS_HUNDRED = BigDecimal.valueOf(-100).setScale(2);

    private final PricingRules rules;

    public PriceCalculator(PricingRules rules) {
        this.rules = rules;
    }

    public PricedEstimate price(EstimateToPrice estimate) {
        List<PricedLine> lines = estimate.lines().stream()
                .map(line -> priceLine(line, estimate.pricingDate(), estimate.volumeTiers()))
                .toList();
        BigDecimal subtotal = sum(lines.stream().map(PricedLine::netAmount).toList());
        BigDecimal discountAmount = rules.toWon(subtotal.multiply(estimate.discountRate().movePointLeft(2)));
        BigDecimal supplyAmount = subtotal.subtract(discountAmount);
        BigDecimal vat = rules.vatOn(supplyAmount);
        BigDecimal cost = sum(lines.stream().map(PricedLine::cost).toList());
        BigDecimal margin = supplyAmount.subtract(cost);
        return new PricedEstimate(lines, subtotal, estimate.discountRate(), discountAmount, supplyAmount, vat,
                supplyAmount.add(vat), cost, margin, marginRate(margin, supplyAmount, cost));
    }

    PricedLine priceLine(LineToPrice line, LocalDate pricingDate, List<VolumeTier> tiers) {
        ProductPrice product = line.product();
        Optional<ContractPrice> contract = contractPriceOn(line.contractPrices(), pricingDate);
        BigDecimal unitPrice = contract.map(ContractPrice::price).orElse(product.listPrice());
        BigDecimal tierRate = VolumeTier.rateFor(tiers, product.category(), line.quantity());

        // The net amount is rounded once, from exact intermediate amounts; the waterfall's steps are rounded
        // for display and the manual discount takes the remainder, so the steps add up to the won.
        BigDecimal exactGross = line.quantity().multiply(unitPrice);
        BigDecimal afterTier = exactGross.multiply(PricingRules.remainingAfter(tierRate));
        BigDecimal net = rules.toWon(afterTier.multiply(PricingRules.remainingAfter(line.discountRate())));
        BigDecimal gross = rules.toWon(exactGross);
        BigDecimal tierDiscount = rules.toWon(exactGross.subtract(afterTier));
        BigDecimal lineDiscount = gross.subtract(tierDiscount).subtract(net);

        PriceWaterfall waterfall = new PriceWaterfall(product.listPrice(),
                contract.map(ContractPrice::priceListCode).orElse(null), unitPrice, gross, tierRate, tierDiscount,
                line.discountRate(), lineDiscount, net);
        BigDecimal cost = line.quantity().multiply(product.cost());
        BigDecimal margin = net.subtract(cost);
        return new PricedLine(product.code(), line.quantity(), waterfall, cost, margin,
                marginRate(margin, net, cost), product.priceVersion());
    }

    /** The contract price valid on the date; when several are, the one that started last. */
    private static Optional<ContractPrice> contractPriceOn(List<ContractPrice> prices, LocalDate date) {
        return prices.stream()
                .filter(price -> price.appliesOn(date))
                .max(Comparator.comparing(ContractPrice::validFrom));
    }

    /** Margin as % of revenue; with no revenue, anything given away at a cost is a full loss (−100 %). */
    private static BigDecimal marginRate(BigDecimal margin, BigDecimal revenue, BigDecimal cost) {
        if (revenue.signum() == 0) {
            return cost.signum() > 0 ? MINUS_HUNDRED : PricingRules.percent(BigDecimal.ZERO, BigDecimal.ONE);
        }
        return PricingRules.percent(margin, revenue);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
