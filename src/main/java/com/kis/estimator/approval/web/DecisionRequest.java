package com.kis.estimator.approval.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param comment required to REJECT or REQUEST_CHANGES */
record DecisionRequest(
        @NotNull @Pattern(regexp = "APPROVE|REJECT|REQUEST_CHANGES", message = "must be APPROVE, REJECT or REQUEST_CHANGES")
        String decision,
        @Size(max = 2000) String comment) {
}
