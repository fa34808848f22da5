package com.kis.estimator.estimate.model;

import java.time.Instant;

import com.kis.estimator.estimate.EstimateStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what to an estimate, when. Kept after the estimate itself is deleted. */
@Entity
@Table(schema = "estimator", name = "estimate_history")
public class EstimateHistoryEntry {

    public enum Action { CREATED, REVISED, STATUS_CHANGED, DELETED, PRICES_STALE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "estimate_id", nullable = false, updatable = false)
    private long estimateId;
    @Column(name = "estimate_number", nullable = false, updatable = false)
    private String estimateNumber;
    @Column(nullable = false, updatable = false)
    private int revision;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private EstimateStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false)
    private EstimateStatus toStatus;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(updatable = false)
    private String detail;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected EstimateHistoryEntry() {
    }

    public EstimateHistoryEntry(Estimate estimate, Action action, EstimateStatus fromStatus, String actor,
            String detail, Instant occurredAt) {
        this.estimateId = estimate.getId();
        this.estimateNumber = estimate.getNumber();
        this.revision = estimate.getCurrentRevision();
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = estimate.getStatus();
        this.actor = actor;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
        this.occurredAt = occurredAt;
    }

    public int getRevision() { return revision; }
    public Action getAction() { return action; }
    public EstimateStatus getFromStatus() { return fromStatus; }
    public EstimateStatus getToStatus() { return toStatus; }
    public String getActor() { return actor; }
    public String getDetail() { return detail; }
    public Instant getOccurredAt() { return occurredAt; }
}
