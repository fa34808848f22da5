package com.kis.estimator.approval.record;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRecords extends JpaRepository<ApprovalRecord, Long> {

    @Query("select a from ApprovalRecord a where a.estimateId = :estimateId order by a.decidedAt, a.id")
    List<ApprovalRecord> findByEstimate(long estimateId);

    Optional<ApprovalRecord> findByTaskId(String taskId);

    @Query("""
            select count(a) > 0 from ApprovalRecord a
            where a.estimateId = :estimateId and a.revision = :revision and a.approver = :approver
              and a.decision = 'APPROVE'""")
    boolean approvedBy(long estimateId, int revision, String approver);
}
