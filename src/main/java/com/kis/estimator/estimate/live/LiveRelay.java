package com.kis.estimator.estimate.live;

import java.time.Duration;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.estimate.EstimateChanged;
import com.kis.estimator.platform.live.UserNotice;
import com.kis.estimator.platform.redis.RedisCircuit;

/**
 * Carries every committed change to every instance: a change to an estimate, or a notice for one user, published
 * on a Redis topic; each instance tells its own open pages ({@link LiveStreams}). With Redis away, an instance
 * still tells its own pages, and the others learn of the change when their pages next load; the topic is
 * subscribed again once Redis answers.
 */
@Component
class LiveRelay {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);
    static final String TOPIC = "kis:estimate-changes";

    private final RedissonClient redis;
    private final RedisCircuit circuit;
    private final LiveStreams streams;
    private final ObjectMapper json;
    private volatile boolean subscribed;

    LiveRelay(RedissonClient redis, RedisCircuit circuit, LiveStreams streams, ObjectMapper json) {
        this.redis = redis;
        this.circuit = circuit;
        this.streams = streams;
        this.json = json;
    }

    /** One message on the topic: exactly one of the two is set. */
    record Relayed(@Nullable EstimateChanged estimate, @Nullable UserNotice notice) {

        String what() {
            return estimate != null ? estimate.number() : notice.kind() + " " + notice.id();
        }
    }

    /** Runs after the commit, in the request or job that made the change: it never waits for Redis. */
    @TransactionalEventListener(fallbackExecution = true)
    void committed(EstimateChanged change) {
        relay(new Relayed(change, null));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void committed(UserNotice notice) {
        relay(new Relayed(null, notice));
    }

    private void relay(Relayed change) {
        if (circuit.isOpen()) { // this instance's pages only, without a warning per change
            deliver(change);
            return;
        }
        boolean heardFromTopic = subscribed;
        if (!heardFromTopic) {
            deliver(change);
        }
        try {
            topic().publishAsync(write(change)).whenComplete((receivers, failed) -> {
                if (failed != null) {
                    missed(change, failed, heardFromTopic);
                }
            });
        } catch (RuntimeException redisAway) {
            missed(change, redisAway, heardFromTopic);
        }
    }

    private void missed(Relayed change, Throwable redisAway, boolean notDeliveredYet) {
        log.warn("Live update of {} reaches this instance's pages only: Redis unavailable ({})", change.what(),
                redisAway.getMessage());
        if (notDeliveredYet) {
            deliver(change);
        }
    }

    private void deliver(Relayed change) {
        if (change.estimate() != null) {
            streams.deliver(change.estimate());
        } else {
            streams.deliver(change.notice());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${kis.live.resubscribe:30s}", fixedDelayString = "${kis.live.resubscribe:30s}")
    void subscribe() {
        if (subscribed) {
            return;
        }
        try {
            topic().addListener(String.class, (channel, message) -> deliver(read(message)));
            subscribed = true;
        } catch (RuntimeException redisAway) {
            log.warn("Live updates from other instances paused: Redis unavailable ({}); trying again in {}",
                    redisAway.getMessage(), Duration.ofSeconds(30));
        }
    }

    private RTopic topic() {
        return redis.getTopic(TOPIC, StringCodec.INSTANCE);
    }

    private String write(Relayed change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + change, e);
        }
    }

    private Relayed read(String message) {
        try {
            return json.readValue(message, Relayed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable change on " + TOPIC + ": " + message, e);
        }
    }
}
