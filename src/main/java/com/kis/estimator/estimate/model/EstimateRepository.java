package com.kis.estimator.estimate.model;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import com.kis.estimator.estimate.EstimateStatus;

public interface EstimateRepository extends JpaRepository<Estimate, Long>, JpaSpecificationExecutor<Estimate> {

    @Query("select e from Estimate e where e.number = :number")
    Optional<Estimate> findByNumber(String number);

    Optional<Estimate> findFirstBySourceDocumentId(java.util.UUID sourceDocumentId);

    /** Editable estimates not yet flagged as priced on stale prices. */
    @Query("select e.id from Estimate e where e.status in :statuses"
            + " and e.pricesStaleSince is null order by e.id")
    List<Long> findUnflaggedIds(java.util.Collection<EstimateStatus> statuses);

    @Query("""
            select distinct r from EstimateRevision r left join fetch r.items
            where r.estimate = :estimate and r.revision = :revision""")
    Optional<EstimateRevision> findRevision(Estimate estimate, int revision);

    @Query("""
            select distinct r from EstimateRevision r left join fetch r.items
            where r.estimate = :estimate order by r.revision""")
    List<EstimateRevision> findRevisions(Estimate estimate);
}
