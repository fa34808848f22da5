package com.kis.estimator.ocr.web;

import java.util.List;

import com.kis.estimator.ocr.process.ReviewLine;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A review through the API: {@code decision} CREATE_ESTIMATE or DISCARD, the customer, the lines (only
 * {@code confirmed} ones are quoted) and a comment for the estimate's note.
 */
record ReviewRequest(
        @NotNull @Pattern(regexp = "CREATE_ESTIMATE|DISCARD", message = "must be CREATE_ESTIMATE or DISCARD")
        String decision, @Size(max = 40) String customerCode,
        @Size(max = 500) List<ReviewLine> lines, @Size(max = 2000) String comment) {
}
