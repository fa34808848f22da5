package com.kis.estimator.erp.pull;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.run.ImportFinished;

/** A pulled import ended: the erp-pull instance waiting for it ("Import ended") goes on to the next type. */
@Component
class PullWaiter {

    private final RuntimeService runtime;

    PullWaiter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void finished(ImportFinished finished) {
        if (finished.awaitedBy() != null) {
            runtime.createMessageCorrelation("ErpImportFinished").processInstanceId(finished.awaitedBy())
                    .correlateAllWithResult();
        }
    }
}
