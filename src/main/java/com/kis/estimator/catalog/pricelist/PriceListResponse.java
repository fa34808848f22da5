package com.kis.estimator.catalog.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.lang.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A price list with its entries, or (in lists) with only the number of entries and {@code entries} null. */
public record PriceListResponse(String code, String name, boolean demo, int entryCount,
        @Nullable List<Entry> entries) {

    @Schema(name = "PriceListResponseEntry") // not "Entry": schema names are global in the document
    public record Entry(String productCode, BigDecimal price, LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    static PriceListResponse summary(PriceList list) {
        return new PriceListResponse(list.getCode(), list.getName(), list.isDemo(), list.getEntries().size(), null);
    }

    static PriceListResponse full(PriceList list, List<PriceListEntry> entries) {
        return new PriceListResponse(list.getCode(), list.getName(), list.isDemo(), entries.size(), entries.stream()
                .map(e -> new Entry(e.getProduct().getCode(), e.getPrice(), e.getValidFrom(), e.getValidTo()))
                .toList());
    }
}
