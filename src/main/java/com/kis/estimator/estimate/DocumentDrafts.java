package com.kis.estimator.estimate;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Draft estimates made from a customer's document once a sales person has confirmed what was read (the document
 * intake). The draft is owned by that person and keeps a link back to the document.
 */
public interface DocumentDrafts {

    record Line(String productCode, BigDecimal quantity, String note) {
    }

    record DraftCreated(long estimateId, String number) {
    }

    /**
     * Prices and stores a DRAFT; for a document that already has one, returns that one.
     *
     * @throws com.kis.estimator.platform.web.ApiProblemException when the customer or a product is unknown or
     *         inactive, as for any draft
     */
    DraftCreated draftFromDocument(UUID documentId, String customerCode, List<Line> lines, String note, String owner,
            String team);
}
