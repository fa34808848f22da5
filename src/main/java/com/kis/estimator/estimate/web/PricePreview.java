package com.kis.estimator.estimate.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.estimate.document.KoreanAmount;
import com.kis.estimator.estimate.drafting.PricedDraft;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.quote.QuotedProduct;
import com.kis.estimator.pricing.PricedEstimate;

/**
 * What an estimate would cost if it were saved now: the same pricing as a create or a revision, each line's
 * waterfall and the quotation totals, with the total in Korean words as the 견적서 prints it. Nothing is stored.
 */
public record PricePreview(EstimateResponse.Customer customer, LocalDate pricingDate, LocalDate validUntil,
        BigDecimal discountRate, List<EstimateResponse.Item> items, BigDecimal subtotal, BigDecimal discountAmount,
        BigDecimal supplyAmount, BigDecimal vat, BigDecimal total, BigDecimal margin, BigDecimal marginRate,
        String currency, String totalInWords) {

    static PricePreview of(PricedDraft priced) {
        PricedEstimate pricing = priced.quote().pricing();
        List<EstimateResponse.Item> items = new ArrayList<>();
        for (int i = 0; i < pricing.lines().size(); i++) {
            QuotedProduct product = priced.quote().products().get(i);
            // the line as a revision would store it, never persisted
            items.add(EstimateResponse.Item.of(new EstimateItem(i + 1, product.name(), product.spec(), product.unit(),
                    pricing.lines().get(i), priced.draft().items().get(i).note())));
        }
        var customer = priced.customer();
        return new PricePreview(new EstimateResponse.Customer(customer.code(), customer.name(),
                BusinessRegistrationNumber.format(customer.businessRegistrationNumber()), customer.tier(), customer.priceListCode()),
                priced.pricingDate(), priced.validUntil(), EstimateResponse.plain(pricing.discountRate()), items,
                pricing.subtotal(), pricing.discountAmount(), pricing.supplyAmount(), pricing.vat(), pricing.total(),
                EstimateResponse.plain(pricing.margin()), EstimateResponse.plain(pricing.marginRate()), "KRW",
                KoreanAmount.inWords(pricing.total()));
    }
}
