package com.kis.estimator.catalog.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer as written through the API; on PUT, {@code code} may be left out and must not change. */
public record CustomerRequest(
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @ValidBusinessRegistrationNumber String businessRegistrationNumber,
        @NotBlank @Size(max = 20) String tier,
        @Size(max = 40) String priceListCode,
        @Size(max = 100) String contactName,
        @Email @Size(max = 200) String contactEmail,
        @Pattern(regexp = "[0-9+() -]{7,40}", message = "digits, spaces, + ( ) - only") String contactPhone,
        @Size(max = 300) String address) {
}
