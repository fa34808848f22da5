package com.kis.estimator.ai.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What to analyse: {@code scope} {@code customer} or {@code product} with its code as {@code id}, or
 * {@code period} with {@code from} and {@code to} (dates, inclusive).
 */
record AnalyzeRequest(
        @NotNull @Pattern(regexp = "customer|product|period", message = "must be customer, product or period")
        String scope, @Size(max = 40) String id, LocalDate from, LocalDate to) {
}
