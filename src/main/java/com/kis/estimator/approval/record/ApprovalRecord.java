package com.kis.estimator.approval.record;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One approval decision (estimator.estimate_approvals). */
@Entity
@Table(schema = "estimator", name = "estimate_approvals")
public class ApprovalRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "estimate_id", nullable = false, updatable = false)
    private long estimateId;
    @Column(name = "estimate_number", nullable = false, updatable = false)
    private String estimateNumber;
    @Column(nullable = false, updatable = false)
    private int revision;
    @Column(name = "level_no", nullable = false, updatable = false)
    private int level;
    @Column(name = "approver_group", nullable = false, updatable = false)
    private String approverGroup;
    @Column(nullable = false, updatable = false)
    private String approver;
    @Column(nullable = false, updatable = false)
    private String decision;
    @Column(updatable = false)
    private String comment;
    @Column(name = "task_id", nullable = false, updatable = false)
    private String taskId;
    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected ApprovalRecord() {
    }

    public ApprovalRecord(long estimateId, String estimateNumber, int revision, int level, String approverGroup,
            String approver, String decision, String comment, String taskId, Instant decidedAt) {
        this.estimateId = estimateId;
        this.estimateNumber = estimateNumber;
        this.revision = revision;
        this.level = level;
        this.approverGroup = approverGroup;
        this.approver = approver;
        this.decision = decision;
        this.comment = comment;
        this.taskId = taskId;
        this.decidedAt = decidedAt;
    }

    public int getRevision() { return revision; }
    public int getLevel() { return level; }
    public String getApproverGroup() { return approverGroup; }
    public String getApprover() { return approver; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }
    public String getTaskId() { return taskId; }
    public Instant getDecidedAt() { return decidedAt; }
}
