package com.kis.estimator.catalog.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A whole price list as written through the API; on PUT the entries replace the old ones. */
public record PriceListRequest(
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 10_000) List<@Valid @NotNull Entry> entries) {

    @Schema(name = "PriceListRequestEntry") // not "Entry": schema names are global in the document
    public record Entry(
            @NotBlank @Size(max = 40) String productCode,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 0) BigDecimal price,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {
    }
}
