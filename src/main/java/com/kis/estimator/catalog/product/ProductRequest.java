package com.kis.estimator.catalog.product;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A product as written through the API; on PUT, {@code code} may be left out and must not change. */
public record ProductRequest(
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only")
        String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String spec,
        @NotBlank @Size(max = 40) String category,
        @NotBlank @Size(max = 20) String unit,
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 0) @DecimalMax("999999999999999") BigDecimal listPrice,
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 0) BigDecimal cost,
        Boolean active) {

    boolean activeOrDefault() {
        return active == null || active;
    }
}
