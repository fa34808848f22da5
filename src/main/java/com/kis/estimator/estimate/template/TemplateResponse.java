package com.kis.estimator.estimate.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

public record TemplateResponse(long id, String name, String description, BigDecimal discountRate, String note,
        String owner, List<Item> items, Instant updatedAt) {

    @Schema(name = "TemplateResponseItem") // not "Item": schema names are global in the document
    public record Item(String productCode, BigDecimal quantity, BigDecimal discountRate, String note) {
    }

    static TemplateResponse of(EstimateTemplate template) {
        return new TemplateResponse(template.getId(), template.getName(), template.getDescription(),
                template.getDiscountRate().stripTrailingZeros(), template.getNote(), template.getOwner(),
                template.getItems().stream().map(item -> new Item(item.getProductCode(),
                        item.getQuantity().stripTrailingZeros(), item.getDiscountRate().stripTrailingZeros(),
                        item.getNote())).toList(),
                template.getUpdatedAt());
    }
}
