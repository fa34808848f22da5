package com.kis.estimator.estimate.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRevision;

import io.swagger.v3.oas.annotations.media.Schema;

/** An estimate at one revision, with every line's price waterfall and the Korean quotation totals. */
public record EstimateResponse(long id, String number, long version, EstimateStatus status, int revision,
        int currentRevision,
        String owner, Customer customer, LocalDate pricingDate, LocalDate validUntil, BigDecimal discountRate,
        String note, List<Item> items, BigDecimal subtotal, BigDecimal discountAmount, BigDecimal supplyAmount,
        BigDecimal vat, BigDecimal total, BigDecimal margin, BigDecimal marginRate, String currency,
        boolean pricesStale, java.util.UUID sourceDocumentId, String createdBy, Instant createdAt,
        Instant updatedAt) {

    public record Customer(String code, String name, String businessRegistrationNumber, String tier,
            String priceListCode) {
    }

    /** One line: list price → contract price → tier discount → line discount → net amount. */
    @Schema(name = "EstimateResponseItem") // not "Item": schema names are global in the document
    public record Item(int lineNo, String productCode, String productName, String spec, String unit,
            BigDecimal quantity, BigDecimal listPrice, String priceListCode, BigDecimal unitPrice,
            BigDecimal grossAmount, BigDecimal tierDiscountRate, BigDecimal tierDiscountAmount,
            BigDecimal discountRate, BigDecimal discountAmount, BigDecimal netAmount, BigDecimal margin,
            BigDecimal marginRate, long priceVersion, String note) {

        static Item of(EstimateItem item) {
            return new Item(item.getLineNo(), item.getProductCode(), item.getProductName(), item.getSpec(),
                    item.getUnit(), plain(item.getQuantity()), item.getListPrice(), item.getPriceListCode(),
                    item.getUnitPrice(), item.getGrossAmount(), plain(item.getTierDiscountRate()),
                    item.getTierDiscountAmount(), plain(item.getDiscountRate()), item.getDiscountAmount(),
                    item.getNetAmount(), plain(item.getMargin()), plain(item.getMarginRate()), item.getPriceVersion(),
                    item.getNote());
        }
    }

    static EstimateResponse of(Estimate estimate, EstimateRevision revision, boolean pricesStale) {
        return new EstimateResponse(estimate.getId(), estimate.getNumber(), estimate.getVersion(), estimate.getStatus(),
                revision.getRevision(), estimate.getCurrentRevision(), estimate.getOwner(),
                new Customer(revision.getCustomerCode(), revision.getCustomerName(),
                        BusinessRegistrationNumber.format(revision.getCustomerBrn()), revision.getCustomerTier(),
                        revision.getPriceListCode()),
                revision.getPricingDate(), revision.getValidUntil(), plain(revision.getDiscountRate()),
                revision.getNote(), revision.getItems().stream().map(Item::of).toList(), revision.getSubtotal(),
                revision.getDiscountAmount(), revision.getSupplyAmount(), revision.getVat(), revision.getTotal(),
                plain(revision.getMargin()), plain(revision.getMarginRate()), "KRW", pricesStale,
                estimate.getSourceDocumentId(), revision.getCreatedBy(), estimate.getCreatedAt(), estimate.getUpdatedAt());
    }

    /** 12.50 → 12.5, 10.000 → 10: stored scales are a database detail. */
    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
