package com.kis.estimator.estimate.live;

import java.time.Duration;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.estimate.EstimateChanged;

/**
 * Carries every committed change to every instance: published on a Redis topic, and each instance tells its own
 * open pages ({@link LiveStreams}). With Redis away, an instance still tells its own pages, and the others learn
 * of the change when their pages next load; the topic is subscribed again once Redis answers.
 */
@Component
class EstimateChangeRelay {

    private static final Logger log = LoggerFactory.getLogger(EstimateChangeRelay.class);
    static final String TOPIC = "kis:estimate-changes";

    private final RedissonClient redis;
    private final LiveStreams streams;
    private final ObjectMapper json;
    private volatile boolean subscribed;

    EstimateChangeRelay(RedissonClient redis, LiveStreams streams, ObjectMapper json) {
        this.redis = redis;
        this.streams = streams;
        this.json = json;
    }

    /** Runs after the commit, in the request that made the change: it never waits for Redis. */
    @TransactionalEventListener(fallbackExecution = true)
    void committed(EstimateChanged change) {
        boolean heardFromTopic = subscribed;
        if (!heardFromTopic) {
            streams.deliver(change);
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

    private void missed(EstimateChanged change, Throwable redisAway, boolean notDeliveredYet) {
        log.warn("Live update of {} reaches this instance's pages only: Redis unavailable ({})", change.number(),
                redisAway.getMessage());
        if (notDeliveredYet) {
            streams.deliver(change);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${kis.live.resubscribe:30s}", fixedDelayString = "${kis.live.resubscribe:30s}")
    void subscribe() {
        if (subscribed) {
            return;
        }
        try {
            topic().addListener(String.class, (channel, message) -> streams.deliver(read(message)));
            subscribed = true;
        } catch (RuntimeException redisAway) {
            log.warn("Live updates from other instances paused: Redis unavailable ({}); trying again in {}",
                    redisAway.getMessage(), Duration.ofSeconds(30));
        }
    }

    private RTopic topic() {
        return redis.getTopic(TOPIC, StringCodec.INSTANCE);
    }

    private String write(EstimateChanged change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + change, e);
        }
    }

    private EstimateChanged read(String message) {
        try {
            return json.readValue(message, EstimateChanged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable change on " + TOPIC + ": " + message, e);
        }
    }
}
