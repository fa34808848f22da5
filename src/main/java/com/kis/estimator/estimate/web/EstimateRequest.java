package com.kis.estimator.estimate.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An estimate as a sales person writes it. The customer by {@code customerCode} or {@code customerId}; the
 * lines directly or from {@code templateId}. Rates are % (0–100); quantities up to 1,000,000 with up to three
 * decimals (cable by the metre).
 */
public record EstimateRequest(
        @Size(max = 40) String customerCode,
        Long customerId,
        LocalDate validUntil,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountRate,
        @Size(max = 1000) String note,
        @Size(max = 500, message = "at most 500 lines") List<@Valid @NotNull Item> items,
        Long templateId) {

    @Schema(name = "EstimateRequestItem") // not "Item": schema names are global in the document
    public record Item(
            @NotBlank @Size(max = 40) String productCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3)
            BigDecimal quantity,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountRate,
            @Size(max = 500) String note) {
    }
}
