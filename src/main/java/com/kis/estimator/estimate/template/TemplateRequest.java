package com.kis.estimator.estimate.template;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TemplateRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountRate,
        @Size(max = 1000) String note,
        @NotNull @Size(min = 1, max = 500, message = "from 1 to 500 lines") List<@Valid @NotNull Item> items) {

    @Schema(name = "TemplateRequestItem") // not "Item": schema names are global in the document
    public record Item(
            @NotBlank @Size(max = 40) String productCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3)
            BigDecimal quantity,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountRate,
            @Size(max = 500) String note) {
    }
}
