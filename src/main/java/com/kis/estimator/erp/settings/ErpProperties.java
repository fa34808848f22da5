package com.kis.estimator.erp.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The ERP import (docs/erp-import.md, docs/configuration.md).
 *
 * @param workDir                where import files wait for their run; replicas must share it (a volume), since
 *                               any replica's job executor may run a step
 * @param maxFileSize            the largest file accepted, by the API and from the inbox
 * @param reviewThresholdPercent above this share of rejected rows, ops review the import before it applies
 *                               (also a runtime setting: {@code erp.review-threshold-percent})
 * @param lockLease              how long a source's lock lives without being renewed: a run that died holding it
 *                               frees its source after this
 * @param lockRetry              how long an import waits before it asks again for a source's lock (ISO-8601)
 * @param maxSharedStrings       the most text an XLSX workbook's shared strings may unpack to (held in memory)
 */
@ConfigurationProperties("kis.erp")
public record ErpProperties(
        @DefaultValue("./data/erp") Path workDir,
        @DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("5") int reviewThresholdPercent,
        @DefaultValue("12h") Duration lockLease,
        @DefaultValue("PT15S") String lockRetry,
        @DefaultValue("50MB") DataSize maxSharedStrings) {
}
