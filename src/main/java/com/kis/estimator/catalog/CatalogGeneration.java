package com.kis.estimator.catalog;

import java.util.Optional;
import java.util.function.Supplier;

import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.kis.estimator.platform.redis.RedisAnswersAgain;
import com.kis.estimator.platform.redis.RedisCircuit;
import com.kis.estimator.platform.redis.RedisUnavailable;

/**
 * A counter in Redis that moves on after every committed catalog change ({@link CatalogChanged},
 * {@link PriceListImported}), shared by all replicas. Whatever is cached from the catalog, in Redis or in one
 * replica's memory, is cached under the generation read <em>before</em> the catalog was read; once the counter
 * moves, it is no longer found. When Redis cannot be reached there is no generation, and callers read the
 * database instead of caching.
 */
@Component
public class CatalogGeneration {

    /** First among the listeners: whoever prices after a change must not be served anything from before it. */
    public static final int MOVE_ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(CatalogGeneration.class);
    private static final String KEY = "kis:catalog:generation";

    private static final ThreadLocal<Long> PINNED = new ThreadLocal<>();

    private final RedissonClient redis;
    private final RedisCircuit circuit;

    CatalogGeneration(RedissonClient redis, RedisCircuit circuit) {
        this.redis = redis;
        this.circuit = circuit;
    }

    /**
     * The current generation, or empty when Redis cannot be reached (then nothing may be cached). Inside
     * {@link #pinned}, the generation read when it began.
     */
    public Optional<Long> current() {
        Long pinned = PINNED.get();
        return pinned != null ? Optional.of(pinned) : read();
    }

    /**
     * Runs {@code reading} under one generation, read once before it starts: whatever it takes from caches (the
     * customer, the quote) then belongs to the same state of the catalog, and Redis is asked once, not once per
     * cache.
     */
    public <T> T pinned(Supplier<T> reading) {
        if (PINNED.get() != null) {
            return reading.get();
        }
        Optional<Long> generation = read();
        if (generation.isEmpty()) {
            return reading.get();
        }
        PINNED.set(generation.get());
        try {
            return reading.get();
        } finally {
            PINNED.remove();
        }
    }

    private Optional<Long> read() {
        try {
            return Optional.of(circuit.call(() -> redis.getAtomicLong(KEY).get()));
        } catch (RedisUnavailable away) {
            return Optional.empty(); // said once, by the circuit
        } catch (RuntimeException e) {
            log.warn("Catalog generation unavailable, reading the catalog from the database: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Order(MOVE_ORDER)
    @TransactionalEventListener(fallbackExecution = true)
    void catalogChanged(CatalogChanged change) {
        moveOn(change.what());
    }

    @Order(MOVE_ORDER)
    @TransactionalEventListener(fallbackExecution = true)
    void priceListImported(PriceListImported imported) {
        moveOn("ERP import " + imported.importId() + " of " + imported.source());
    }

    /**
     * Catalog changes made while Redis was away could not move the generation on; quotes cached before the outage
     * would be served again as if nothing had changed.
     */
    @EventListener
    void redisAnswersAgain(RedisAnswersAgain back) {
        moveOn("Redis back after an outage since " + back.outageSince());
    }

    private void moveOn(String cause) {
        try {
            long generation = circuit.call(() -> redis.getAtomicLong(KEY).incrementAndGet());
            log.info("Catalog changed ({}); cached quotes and customers dropped, generation {}", cause, generation);
        } catch (RuntimeException e) {
            log.warn("Could not move the catalog generation on after {}: {}", cause, e.getMessage());
        }
    }
}
