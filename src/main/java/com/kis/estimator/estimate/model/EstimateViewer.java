package com.kis.estimator.estimate.model;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user or group that may read an estimate besides its owner and team (granted by the approval process). */
@Entity
@Table(schema = "estimator", name = "estimate_viewers")
@IdClass(EstimateViewer.Key.class)
public class EstimateViewer {

    public enum Kind { USER, GROUP }

    @Id
    @Column(name = "estimate_id")
    private long estimateId;
    @Id
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Id
    private String principal;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected EstimateViewer() {
    }

    public EstimateViewer(long estimateId, Kind kind, String principal, Instant grantedAt) {
        this.estimateId = estimateId;
        this.kind = kind;
        this.principal = principal;
        this.grantedAt = grantedAt;
    }

    /** The composite key, as JPA wants it: a class with the id fields' names. */
    public static class Key implements Serializable {
        private long estimateId;
        private Kind kind;
        private String principal;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.estimateId == estimateId && key.kind == kind
                    && java.util.Objects.equals(key.principal, principal);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(estimateId, kind, principal);
        }
    }
}
