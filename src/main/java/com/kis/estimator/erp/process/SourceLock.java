package com.kis.estimator.erp.process;

import java.time.Duration;

import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.springframework.stereotype.Component;

import com.kis.estimator.erp.settings.ErpProperties;
import com.kis.estimator.platform.redis.RedisCircuit;
import com.kis.estimator.platform.redis.RedisUnavailable;

/**
 * One import per source at a time, across all replicas: a Redis key per source holding the import id, with a
 * lease. Not Redisson's RLock: that belongs to a thread, and an import's steps run on whichever job executor
 * thread (or replica) picks them up. The holder renews the lease at each step; a run that died frees its
 * source when the lease ends.
 */
@Component
public class SourceLock {

    private final RedissonClient redis;
    private final RedisCircuit circuit;
    private final Duration lease;

    SourceLock(RedissonClient redis, RedisCircuit circuit, ErpProperties properties) {
        this.redis = redis;
        this.circuit = circuit;
        this.lease = properties.lockLease();
    }

    /** True when {@code importId} holds the source now, whether it just took it or held it already. */
    public boolean take(String source, String importId) {
        try {
            return circuit.call(() -> {
                RBucket<String> lock = bucket(source);
                if (lock.setIfAbsent(importId, lease)) {
                    return true;
                }
                if (importId.equals(lock.get())) {
                    lock.expire(lease);
                    return true;
                }
                return false;
            });
        } catch (RedisException e) {
            throw new SourceLockUnavailable("take", source, importId, e);
        }
    }

    /** The import that holds the source, if any; {@link RedisUnavailable} (503) while Redis is away. */
    public String holder(String source) {
        return circuit.call(() -> bucket(source).get());
    }

    /** Frees the source if {@code importId} holds it; a lock another import took meanwhile stays. */
    public void release(String source, String importId) {
        try {
            circuit.call(() -> bucket(source).compareAndSet(importId, null));
        } catch (RedisException e) {
            throw new SourceLockUnavailable("release", source, importId, e);
        }
    }

    private RBucket<String> bucket(String source) {
        return redis.getBucket("kis:erp:lock:" + source, org.redisson.client.codec.StringCodec.INSTANCE);
    }
}
