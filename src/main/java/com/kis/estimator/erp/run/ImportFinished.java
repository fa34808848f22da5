package com.kis.estimator.erp.run;

import java.util.UUID;

/**
 * An import run reached its end (COMPLETED or FAILED); the inbox files its file and report from this.
 *
 * @param workFile  the copy of the file the run read, still there while listeners run, deleted after
 * @param awaitedBy the process instance waiting for this run, or null
 */
public record ImportFinished(UUID importId, String channel, ImportState state, String workFile, String awaitedBy) {
}
