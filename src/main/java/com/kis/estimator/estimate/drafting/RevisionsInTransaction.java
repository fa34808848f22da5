package com.kis.estimator.estimate.drafting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateRevision;

/**
 * A revision with its lines, read once per transaction. A submission reads the current revision for its facts,
 * for the waterfall shown to approvers and for the AI assessment, all in one transaction: Hibernate hands back
 * the same managed instance each time, but queried the database for it again (and each line) every time.
 * Revisions are never changed once written (an edit makes a new one), so keeping the instance for the rest of
 * the transaction answers what the query would have answered. Outside a transaction every call reads.
 */
@Component
class RevisionsInTransaction {

    private record Key(long estimateId, int revision) {
    }

    /** What one persistence context has read: a nested transaction of its own (REQUIRES_NEW) reads for itself. */
    private record Read(Session session, Map<Key, EstimateRevision> revisions) {
    }

    private final EstimateRepository estimates;
    private final EntityManager entityManager;

    RevisionsInTransaction(EstimateRepository estimates, EntityManager entityManager) {
        this.estimates = estimates;
        this.entityManager = entityManager;
    }

    Optional<EstimateRevision> find(Estimate estimate, int revision) {
        Map<Key, EstimateRevision> read = readInThisTransaction();
        if (read == null) {
            return estimates.findRevision(estimate, revision);
        }
        Key key = new Key(estimate.getId(), revision);
        EstimateRevision known = read.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<EstimateRevision> found = estimates.findRevision(estimate, revision);
        found.ifPresent(loaded -> read.put(key, loaded));
        return found;
    }

    /**
     * The revisions this transaction's persistence context has read, created on first use and dropped when the
     * transaction ends; null outside a transaction, or inside one nested in another that read first.
     */
    private Map<Key, EstimateRevision> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Session session = entityManager.unwrap(Session.class);
        Read read = (Read) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            read = new Read(session, new HashMap<>());
            TransactionSynchronizationManager.bindResource(this, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RevisionsInTransaction.this);
                }
            });
        }
        return read.session() == session ? read.revisions() : null;
    }
}
