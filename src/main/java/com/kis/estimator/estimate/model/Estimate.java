package com.kis.estimator.estimate.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.platform.persistence.TrackedEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * An estimate: its number, status and owner, and which revision is current. The priced content lives in
 * {@link EstimateRevision}s; customer, total and validity of the current one are copied here for lists.
 */
@Entity
@Table(schema = "estimator", name = "estimates")
public class Estimate extends TrackedEntity {

    @Column(nullable = false, updatable = false)
    private String number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EstimateStatus status;
    @Column(nullable = false, updatable = false)
    private String owner;
    /** The owner's sales team when the estimate was created; its members may read it. */
    @Column(name = "owner_team", updatable = false)
    private String ownerTeam;
    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(name = "customer_code", nullable = false)
    private String customerCode;
    @Column(name = "customer_name", nullable = false)
    private String customerName;
    @Column(nullable = false)
    private BigDecimal total;
    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;
    @Column(name = "current_revision", nullable = false)
    private int currentRevision;
    @Column(name = "ever_submitted", nullable = false)
    private boolean everSubmitted;
    @Column(name = "outcome_reason")
    private String outcomeReason;
    /** Set when an ERP import changed this draft's prices; a new revision clears it. */
    @Column(name = "prices_stale_since")
    private Instant pricesStaleSince;

    /** The customer's document (RFQ, PO) this estimate was drafted from, when the document intake made it. */
    @Column(name = "source_document_id")
    private java.util.UUID sourceDocumentId;

    protected Estimate() {
    }

    public Estimate(String number, String owner, String ownerTeam) {
        this.number = number;
        this.owner = owner;
        this.ownerTeam = ownerTeam;
        this.status = EstimateStatus.DRAFT;
    }

    /** Makes {@code revision} the current one; the caller has checked that the estimate may be edited. */
    public void adopt(EstimateRevision revision, long customerId) {
        this.currentRevision = revision.getRevision();
        this.customerId = customerId;
        this.customerCode = revision.getCustomerCode();
        this.customerName = revision.getCustomerName();
        this.total = revision.getTotal();
        this.validUntil = revision.getValidUntil();
        this.pricesStaleSince = null;
    }

    /** Flags the estimate's prices as stale; false when it was flagged already. */
    public boolean flagPricesStale(Instant since) {
        if (pricesStaleSince != null) {
            return false;
        }
        pricesStaleSince = since;
        return true;
    }

    public int nextRevisionNumber() {
        return currentRevision + 1;
    }

    public void moveTo(EstimateStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException(number + " cannot move from " + status + " to " + next);
        }
        status = next;
        everSubmitted |= next == EstimateStatus.SUBMITTED;
    }

    public boolean isDeletable() {
        return status == EstimateStatus.DRAFT && !everSubmitted;
    }

    public String getNumber() { return number; }
    public EstimateStatus getStatus() { return status; }
    public String getOwner() { return owner; }
    public String getOwnerTeam() { return ownerTeam; }
    public long getCustomerId() { return customerId; }
    public String getCustomerCode() { return customerCode; }
    public String getCustomerName() { return customerName; }
    public BigDecimal getTotal() { return total; }
    public LocalDate getValidUntil() { return validUntil; }
    public int getCurrentRevision() { return currentRevision; }
    public String getOutcomeReason() { return outcomeReason; }
    public Instant getPricesStaleSince() { return pricesStaleSince; }
    public java.util.UUID getSourceDocumentId() { return sourceDocumentId; }

    public void draftedFrom(java.util.UUID documentId) {
        this.sourceDocumentId = documentId;
    }
}
