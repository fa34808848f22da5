package com.kis.estimator.ocr.web;

import java.util.UUID;

import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.document.DocumentStatus;

/**
 * The answer to an upload: the document, and whether the same content had been received before (then it is
 * the first document, whatever it is at now).
 */
record DocumentAccepted(UUID documentId, DocumentStatus status, boolean duplicate, String checksum, int pages,
        String processInstanceId, String statusUrl) {

    static DocumentAccepted of(DocumentRecord document, boolean duplicate) {
        return new DocumentAccepted(document.id(), document.status(), duplicate, document.checksum(),
                document.pageCount() == null ? 0 : document.pageCount(), document.processInstanceId(),
                "/api/v1/ocr/documents/" + document.id());
    }
}
