package com.kis.estimator.estimate.quote;

import java.util.Optional;

import org.redisson.api.RedissonClient;
import org.redisson.codec.TypedJsonJacksonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.catalog.CatalogGeneration;
import com.kis.estimator.platform.redis.RedisCircuit;
import com.kis.estimator.platform.redis.RedisUnavailable;

/**
 * Computed quotes in Redis for {@code kis.pricing.cache-time-to-live}, shared by all replicas.
 *
 * <p>Invalidation is by generation: every key contains the {@link CatalogGeneration}, which moves on after every
 * catalog change, so all earlier entries become unreachable at once and expire on their own. The cache is an
 * optimisation only: when Redis cannot be reached, quotes are computed from the database and the failure is
 * logged.
 */
@Component
public class QuoteCache {

    private static final Logger log = LoggerFactory.getLogger(QuoteCache.class);

    private final RedissonClient redis;
    private final RedisCircuit circuit;
    private final CatalogGeneration catalogGeneration;
    private final TypedJsonJacksonCodec codec;
    private final PricingProperties properties;

    QuoteCache(RedissonClient redis, RedisCircuit circuit, CatalogGeneration catalogGeneration,
            ObjectMapper objectMapper, PricingProperties properties) {
        this.redis = redis;
        this.circuit = circuit;
        this.catalogGeneration = catalogGeneration;
        this.codec = new TypedJsonJacksonCodec(PricedQuote.class, objectMapper);
        this.properties = properties;
    }

    /** The current generation, or empty when Redis cannot be reached (then nothing is cached). */
    Optional<Long> generation() {
        return catalogGeneration.current();
    }

    Optional<PricedQuote> get(String key) {
        try {
            return Optional.ofNullable(circuit.call(() -> redis.<PricedQuote>getBucket(key, codec).get()));
        } catch (RedisUnavailable away) {
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Quote cache read failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    void put(String key, PricedQuote quote) {
        try {
            circuit.run(() -> redis.<PricedQuote>getBucket(key, codec).set(quote, properties.cacheTimeToLive()));
        } catch (RedisUnavailable away) {
            // not cached; said once, by the circuit
        } catch (RuntimeException e) {
            log.warn("Quote cache write failed: {}", e.getMessage());
        }
    }
}
