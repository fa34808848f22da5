package com.kis.estimator.approval.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param outcome WON or LOST; a LOST estimate needs a reason (price, delivery, competitor…) */
record OutcomeRequest(@NotNull @Pattern(regexp = "WON|LOST", message = "must be WON or LOST") String outcome,
        @Size(max = 500) String reason) {
}
