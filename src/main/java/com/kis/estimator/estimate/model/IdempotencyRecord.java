package com.kis.estimator.estimate.model;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The first answer to a POST carrying an Idempotency-Key, kept to replay it to a retry of the same request. */
@Entity
@Table(schema = "estimator", name = "idempotency_keys")
public class IdempotencyRecord {

    @Embeddable
    public record Key(@Column(name = "owner") String owner, @Column(name = "idempotency_key") String key)
            implements Serializable {
    }

    @EmbeddedId
    private Key id;
    @Column(name = "request_hash", nullable = false)
    private String requestHash;
    @Column(name = "estimate_id", nullable = false)
    private long estimateId;
    @Column(name = "response_body", nullable = false)
    private String responseBody;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(Key id, String requestHash, long estimateId, String responseBody, Instant createdAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.estimateId = estimateId;
        this.responseBody = responseBody;
        this.createdAt = createdAt;
    }

    public String getRequestHash() { return requestHash; }
    public long getEstimateId() { return estimateId; }
    public String getResponseBody() { return responseBody; }
}
