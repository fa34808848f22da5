package com.kis.estimator.estimate.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.catalog.CatalogLookup.ProductInfo;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.pricing.ContractPrice;
import com.kis.estimator.pricing.EstimateToPrice;
import com.kis.estimator.pricing.LineToPrice;
import com.kis.estimator.pricing.PriceCalculator;
import com.kis.estimator.pricing.PricedEstimate;
import com.kis.estimator.pricing.ProductPrice;
import com.kis.estimator.pricing.VolumeTier;

/**
 * Prices estimate lines for a customer on a date: reads products, the customer's price list and the volume
 * tiers from the catalog, runs the pricing core, and keeps the result in the quote cache. Unknown or
 * discontinued products are refused with the line that names them.
 */
@Service
public class QuotePricing {

    private final CatalogLookup catalog;
    private final PriceCalculator calculator;
    private final QuoteCache cache;

    QuotePricing(CatalogLookup catalog, PricingProperties properties, QuoteCache cache) {
        this.catalog = catalog;
        this.calculator = new PriceCalculator(properties.rules());
        this.cache = cache;
    }

    public PricedQuote quote(CustomerInfo customer, LocalDate pricingDate, BigDecimal discountRate,
            List<QuoteLine> lines) {
        String key = cache.generation().map(generation -> key(generation, customer, pricingDate, discountRate, lines))
                .orElse(null);
        if (key != null) {
            var cached = cache.get(key);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        PricedQuote quote = compute(customer, pricingDate, discountRate, lines);
        if (key != null) {
            cache.put(key, quote);
        }
        return quote;
    }

    private PricedQuote compute(CustomerInfo customer, LocalDate pricingDate, BigDecimal discountRate,
            List<QuoteLine> lines) {
        Set<String> codes = lines.stream().map(QuoteLine::productCode).collect(Collectors.toSet());
        Map<String, ProductInfo> products = catalog.products(codes);
        Map<String, List<ContractPrice>> contractPrices = customer.priceListCode() == null ? Map.of()
                : catalog.contractPrices(customer.priceListCode(), codes).stream().collect(Collectors.groupingBy(
                        CatalogLookup.ContractPriceInfo::productCode,
                        Collectors.mapping(p -> new ContractPrice(p.priceListCode(), p.price(), p.validFrom(),
                                p.validTo()), Collectors.toList())));
        List<VolumeTier> tiers = catalog.volumeTiers().stream()
                .map(tier -> new VolumeTier(tier.category(), tier.minQuantity(), tier.discountRate())).toList();

        List<LineToPrice> toPrice = new ArrayList<>();
        List<QuotedProduct> described = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine line = lines.get(i);
            ProductInfo product = requireSellable(products.get(line.productCode()), line.productCode(), i);
            toPrice.add(new LineToPrice(new ProductPrice(product.code(), product.category(), product.listPrice(),
                    product.cost(), product.priceVersion()), line.quantity(), line.discountRate(),
                    contractPrices.getOrDefault(product.code(), List.of())));
            described.add(new QuotedProduct(product.code(), product.name(), product.spec(), product.unit()));
        }
        PricedEstimate pricing = calculator.price(new EstimateToPrice(pricingDate, toPrice, discountRate, tiers));
        return new PricedQuote(pricing, described);
    }

    private static ProductInfo requireSellable(ProductInfo product, String code, int index) {
        if (product == null) {
            throw ApiProblemException.unknownReference("items[" + index + "].productCode", "no product " + code);
        }
        if (!product.active()) {
            throw ApiProblemException.businessRule("items[" + index + "].productCode",
                    "product " + code + " is no longer sold");
        }
        return product;
    }

    private static String key(long generation, CustomerInfo customer, LocalDate date, BigDecimal discountRate,
            List<QuoteLine> lines) {
        StringBuilder canonical = new StringBuilder()
                .append(customer.code()).append('|').append(customer.priceListCode()).append('|').append(date)
                .append('|').append(plain(discountRate));
        lines.forEach(line -> canonical.append('|').append(line.productCode()).append(',')
                .append(plain(line.quantity())).append(',').append(plain(line.discountRate())));
        return "kis:quotes:" + generation + ":" + Sha256.hex(canonical.toString());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
