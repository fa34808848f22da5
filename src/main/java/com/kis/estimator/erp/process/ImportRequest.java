package com.kis.estimator.erp.process;

import java.nio.charset.Charset;

import com.kis.estimator.erp.importing.ImportType;

/**
 * What to import and how it came.
 *
 * @param channel      {@code api}, {@code file} or {@code rest}
 * @param fileName     the name the file had (for reports), or a description
 * @param fullSnapshot the file holds all of its source: what it no longer lists is deactivated
 * @param encoding     the file's encoding, or null to detect it
 * @param awaitedBy    the process instance to tell when the run ends (message ErpImportFinished), or null
 */
public record ImportRequest(ImportType type, String channel, String fileName, boolean fullSnapshot, Charset encoding,
        String requestedBy, String awaitedBy) {

    public ImportRequest(ImportType type, String channel, String fileName, boolean fullSnapshot, Charset encoding,
            String requestedBy) {
        this(type, channel, fileName, fullSnapshot, encoding, requestedBy, null);
    }

    /** The same request, for a process instance that waits for the run's end (the ERP pull). */
    public ImportRequest awaitedBy(String processInstanceId) {
        return new ImportRequest(type, channel, fileName, fullSnapshot, encoding, requestedBy, processInstanceId);
    }

    public String source() {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
