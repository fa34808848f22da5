package com.kis.estimator.estimate;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.model.EstimateViewer.Kind;
import com.kis.estimator.estimate.model.EstimateViewers;

/**
 * Lets people besides the owner's team read an estimate. The approval process opens it to the group an approval
 * waits for while it waits, and to each person who decides one for good.
 */
@Component
@Transactional
public class EstimateSharing {

    private final EstimateViewers viewers;
    private final Clock clock;

    EstimateSharing(EstimateViewers viewers, Clock clock) {
        this.viewers = viewers;
        this.clock = clock;
    }

    public void openToGroup(long estimateId, String group) {
        viewers.grant(estimateId, Kind.GROUP, group, clock.instant());
    }

    public void closeToGroup(long estimateId, String group) {
        viewers.revoke(estimateId, Kind.GROUP, group);
    }

    public void openToUser(long estimateId, String user) {
        viewers.grant(estimateId, Kind.USER, user, clock.instant());
    }
}
