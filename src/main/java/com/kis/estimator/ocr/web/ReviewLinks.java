package com.kis.estimator.ocr.web;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.process.RfqReviews;

/**
 * Where the review of a document waits: its "Review extracted RFQ" task opened in Tasklist, the tool the review
 * is made in (the web UI links there rather than repeating the form).
 */
@Component
class ReviewLinks {

    private final RfqReviews reviews;
    private final String tasklist;

    ReviewLinks(RfqReviews reviews, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        this.reviews = reviews;
        this.tasklist = webapps + "/app/tasklist/default/#/?task=";
    }

    /** The links of those documents that wait for review, by document. */
    Map<UUID, String> of(Collection<DocumentRecord> documents) {
        return reviews.openTasks(documents).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, task -> tasklist + task.getValue()));
    }
}
