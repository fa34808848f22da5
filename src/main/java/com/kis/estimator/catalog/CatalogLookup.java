package com.kis.estimator.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What other modules may read from the catalog: customers, products and their prices, as plain values. */
public interface CatalogLookup {

    Optional<CustomerInfo> customer(String code);

    Optional<CustomerInfo> customer(long id);

    /** The products with these codes, by code; unknown codes are simply absent. */
    Map<String, ProductInfo> products(Collection<String> codes);

    /** A price list's entries for these products, every validity period. */
    List<ContractPriceInfo> contractPrices(String priceListCode, Collection<String> productCodes);

    List<VolumeTierInfo> volumeTiers();

    /** Every product that can be quoted, for matching what a customer's document names. */
    List<ProductInfo> activeProducts();

    /** Every customer, for recognising who sent a document. */
    List<CustomerInfo> customers();

    record CustomerInfo(long id, String code, String name, String businessRegistrationNumber, String tier,
            String priceListCode) {
    }

    record ProductInfo(String code, String name, String spec, String category, String unit, BigDecimal listPrice,
            BigDecimal cost, boolean active, long priceVersion) {
    }

    record ContractPriceInfo(String priceListCode, String productCode, BigDecimal price, LocalDate validFrom,
            LocalDate validTo) {
    }

    record VolumeTierInfo(String category, BigDecimal minQuantity, BigDecimal discountRate) {
    }
}
