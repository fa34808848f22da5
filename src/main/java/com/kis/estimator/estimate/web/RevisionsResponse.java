package com.kis.estimator.estimate.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.lang.Nullable;

import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.history.FieldChange;
import com.kis.estimator.estimate.history.RevisionDiff;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistoryEntry;
import com.kis.estimator.estimate.model.EstimateRevision;

/** Every revision of an estimate with what changed since the one before, and the history of all actions. */
public record RevisionsResponse(long id, String number, int currentRevision, List<Revision> revisions,
        List<Event> history) {

    public record Revision(int revision, String createdBy, Instant createdAt, BigDecimal total, int lines,
            List<FieldChange> changes) {
    }

    public record Event(int revision, EstimateHistoryEntry.Action action, @Nullable EstimateStatus fromStatus,
            EstimateStatus toStatus, String actor, @Nullable String detail, Instant at) {
    }

    static RevisionsResponse of(Estimate estimate, List<EstimateRevision> revisions, List<EstimateHistoryEntry> history) {
        List<Revision> rendered = new ArrayList<>();
        EstimateRevision previous = null;
        for (EstimateRevision revision : revisions) {
            rendered.add(new Revision(revision.getRevision(), revision.getCreatedBy(), revision.getCreatedAt(),
                    revision.getTotal(), revision.getItems().size(),
                    previous == null ? List.of() : RevisionDiff.between(previous, revision)));
            previous = revision;
        }
        return new RevisionsResponse(estimate.getId(), estimate.getNumber(), estimate.getCurrentRevision(), rendered,
                history.stream().map(entry -> new Event(entry.getRevision(), entry.getAction(), entry.getFromStatus(),
                        entry.getToStatus(), entry.getActor(), entry.getDetail(), entry.getOccurredAt())).toList());
    }
}
