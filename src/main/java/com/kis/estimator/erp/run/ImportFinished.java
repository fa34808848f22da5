package com.kis.estimator.erp.run;

import java.util.UUID;

/** An import run reached its end (COMPLETED or FAILED); the inbox writes its report from this. */
public record ImportFinished(UUID importId, String channel, ImportState state) {
}
