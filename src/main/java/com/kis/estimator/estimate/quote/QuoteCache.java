package com.kis.estimator.estimate.quote;

import java.util.Optional;

import org.redisson.api.RedissonClient;
import org.redisson.codec.TypedJsonJacksonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.catalog.CatalogChanged;
import com.kis.estimator.catalog.PriceListImported;

/**
 * Computed quotes in Redis for {@code kis.pricing.cache-time-to-live}, shared by all replicas.
 *
 * <p>Invalidation is by generation: every key contains the catalog generation, and a catalog change (after its
 * commit) increments it, so all earlier entries become unreachable at once and expire on their own. The cache
 * is an optimisation only: when Redis cannot be reached, quotes are computed from the database and the
 * failure is logged.
 */
@Component
public class QuoteCache {

    private static final Logger log = LoggerFactory.getLogger(QuoteCache.class);
    private static final String GENERATION = "kis:quotes:generation";

    private final RedissonClient redis;
    private final TypedJsonJacksonCodec codec;
    private final PricingProperties properties;

    QuoteCache(RedissonClient redis, ObjectMapper objectMapper, PricingProperties properties) {
        this.redis = redis;
        this.codec = new TypedJsonJacksonCodec(PricedQuote.class, objectMapper);
        this.properties = properties;
    }

    /** The current generation, or empty when Redis cannot be reached (then nothing is cached). */
    Optional<Long> generation() {
        try {
            return Optional.of(redis.getAtomicLong(GENERATION).get());
        } catch (RuntimeException e) {
            log.warn("Quote cache unavailable, pricing from the database: {}", e.getMessage());
            return Optional.empty();
        }
    }

    Optional<PricedQuote> get(String key) {
        try {
            return Optional.ofNullable(redis.<PricedQuote>getBucket(key, codec).get());
        } catch (RuntimeException e) {
            log.warn("Quote cache read failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    void put(String key, PricedQuote quote) {
        try {
            redis.<PricedQuote>getBucket(key, codec).set(quote, properties.cacheTimeToLive());
        } catch (RuntimeException e) {
            log.warn("Quote cache write failed: {}", e.getMessage());
        }
    }

    /** First among the listeners: whoever prices after a change must not be served a quote from before it. */
    public static final int DROP_ORDER = 0;

    @Order(DROP_ORDER)
    @TransactionalEventListener(fallbackExecution = true)
    void catalogChanged(CatalogChanged change) {
        dropAll(change.what());
    }

    @Order(DROP_ORDER)
    @TransactionalEventListener(fallbackExecution = true)
    void priceListImported(PriceListImported imported) {
        dropAll("ERP import " + imported.importId() + " of " + imported.source());
    }

    private void dropAll(String cause) {
        try {
            long generation = redis.getAtomicLong(GENERATION).incrementAndGet();
            log.info("Catalog changed ({}); cached quotes dropped, generation {}", cause, generation);
        } catch (RuntimeException e) {
            log.warn("Could not drop cached quotes after {}: {}", cause, e.getMessage());
        }
    }
}
