package com.kis.estimator.ocr.process;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One line of the review form's list (the process variable {@code lines}, JSON): what the reviewer sees and
 * may change. Only confirmed lines go into the estimate.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewLine(boolean confirmed, String productCode, String productName, String read,
        BigDecimal quantity, String unit, Double confidence, String candidates) {
}
