package com.kis.estimator.estimate.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateRevision;

/** When a revision is read from the database, and when the one read earlier in the transaction is reused. */
class RevisionsInTransactionTest {

    private final EstimateRepository repository = mock(EstimateRepository.class);
    private final EntityManager entityManager = mock(EntityManager.class);
    private final RevisionsInTransaction revisions = new RevisionsInTransaction(repository, entityManager);
    private final Estimate estimate = mock(Estimate.class);
    private final EstimateRevision first = mock(EstimateRevision.class);
    private final EstimateRevision second = mock(EstimateRevision.class);

    @BeforeEach
    void estimateWithTwoRevisions() {
        when(estimate.getId()).thenReturn(7L);
        when(repository.findRevision(estimate, 1)).thenReturn(Optional.of(first));
        when(repository.findRevision(estimate, 2)).thenReturn(Optional.of(second));
        when(repository.findRevision(estimate, 3)).thenReturn(Optional.empty());
        when(entityManager.unwrap(Session.class)).thenReturn(mock(Session.class));
    }

    @AfterEach
    void noTransactionLeftBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.unbindResourceIfPossible(revisions);
    }

    @Test
    void withinOneTransactionEachRevisionIsReadOnce() {
        begin();

        assertThat(revisions.find(estimate, 1)).containsSame(first);
        assertThat(revisions.find(estimate, 1)).containsSame(first);
        assertThat(revisions.find(estimate, 2)).containsSame(second);
        assertThat(revisions.find(estimate, 2)).containsSame(second);

        verify(repository, times(1)).findRevision(estimate, 1);
        verify(repository, times(1)).findRevision(estimate, 2);
    }

    @Test
    void aMissingRevisionIsAskedForEachTime() {
        begin();

        assertThat(revisions.find(estimate, 3)).isEmpty();
        assertThat(revisions.find(estimate, 3)).isEmpty();

        verify(repository, times(2)).findRevision(estimate, 3);
    }

    @Test
    void theNextTransactionReadsAgain() {
        begin();
        revisions.find(estimate, 1);
        commit();
        begin();
        revisions.find(estimate, 1);

        verify(repository, times(2)).findRevision(estimate, 1);
        assertThat(TransactionSynchronizationManager.hasResource(revisions)).isTrue();
        commit();
        assertThat(TransactionSynchronizationManager.hasResource(revisions)).isFalse();
    }

    @Test
    void outsideATransactionEveryCallReads() {
        revisions.find(estimate, 1);
        revisions.find(estimate, 1);

        verify(repository, times(2)).findRevision(estimate, 1);
    }

    @Test
    void aNestedTransactionWithAPersistenceContextOfItsOwnReadsForItself() {
        begin();
        revisions.find(estimate, 1);

        when(entityManager.unwrap(Session.class)).thenReturn(mock(Session.class));
        revisions.find(estimate, 1);

        verify(repository, times(2)).findRevision(estimate, 1);
    }

    private static void begin() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    private static void commit() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }
}
