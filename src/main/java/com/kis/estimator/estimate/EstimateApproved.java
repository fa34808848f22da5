package com.kis.estimator.estimate;

import java.math.BigDecimal;

/**
 * An estimate revision passed every approval level. Its content is locked from here on: the estimate can no
 * longer be edited, only sent, won, lost or expire. The ERP outbound sync listens for this.
 */
public record EstimateApproved(long estimateId, String number, int revision, String customerCode, BigDecimal total,
        String owner) {
}
