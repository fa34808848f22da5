package com.kis.estimator.erp.process;

/**
 * Redis did not answer while an import step took or freed its source's lock. The step fails, Camunda retries it,
 * and when the retries run out ops meet this message in Cockpit's incident list: it says what stopped and what
 * to do, where Redisson's own message speaks of netty threads and connection pools.
 */
public class SourceLockUnavailable extends RuntimeException {

    SourceLockUnavailable(String action, String source, String importId, RuntimeException cause) {
        super("Redis 응답 없음 (Redis unavailable): could not " + action + " the lock of the ERP source " + source
                + " for import " + importId + ". Retry this step once Redis answers (" + cause.getClass().getSimpleName()
                + ")", cause);
    }
}
