package com.kis.estimator.platform.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every Redis command of the application goes through here, so that Redis going away costs one timeout, not one
 * per command: with Redis stopped, each create, read, PDF and submit took 16–24 s (each of its Redis calls waited
 * out its timeout and retries) and answered 2xx, too late to be of use.
 *
 * <p>The first command that cannot reach Redis opens the circuit; from then on commands fail at once with
 * {@link RedisUnavailable} and a background probe asks Redis every {@code probe-interval} until it answers, which
 * closes the circuit. Each caller decides what an outage means for it: caches are bypassed, rate limits let
 * requests through, locks refuse and their request answers 503. A command Redis answered with an error of its
 * own (a script error, a wrong type) is not an outage and leaves the circuit alone.
 */
@Component
public class RedisCircuit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisCircuit.class);
    private static final String PROBE_KEY = "kis:redis:probe";

    private final RedissonClient redis;
    private final RedisCircuitProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kis-redis-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter refused;
    private volatile Outage outage;
    private ScheduledFuture<?> probing;

    RedisCircuit(RedissonClient redis, RedisCircuitProperties properties, Clock clock,
            ApplicationEventPublisher events, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        Gauge.builder("kis.redis.circuit.open", this, circuit -> circuit.isOpen() ? 1 : 0)
                .description("1 while Redis does not answer and its commands are refused at once").register(meters);
        this.refused = Counter.builder("kis.redis.commands.refused")
                .description("Redis commands refused without trying, Redis being away").register(meters);
    }

    /** Runs {@code command} against Redis, or fails at once with {@link RedisUnavailable} while Redis is away. */
    public <T> T call(Supplier<T> command) {
        Outage current = outage;
        if (current != null) {
            refused.increment();
            throw new RedisUnavailable(current.since(), current.cause());
        }
        try {
            return command.get();
        } catch (RedisConnectionException | RedisTimeoutException | RedisNodeNotFoundException gone) {
            throw new RedisUnavailable(open(gone).since(), gone);
        }
    }

    public void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    public boolean isOpen() {
        return outage != null;
    }

    /** When Redis stopped answering, while it still does not. */
    public Optional<Instant> openSince() {
        return Optional.ofNullable(outage).map(Outage::since);
    }

    private synchronized Outage open(RuntimeException cause) {
        if (outage == null) {
            outage = new Outage(clock.instant(), cause);
            log.warn("Redis unavailable ({}): its commands fail at once until it answers again; asking every {}",
                    cause.getMessage(), properties.probeInterval());
            long every = properties.probeInterval().toMillis();
            probing = prober.scheduleWithFixedDelay(this::probe, every, every, TimeUnit.MILLISECONDS);
        }
        return outage;
    }

    private void probe() {
        try {
            redis.getBucket(PROBE_KEY).isExists();
        } catch (RuntimeException stillAway) {
            return;
        }
        close();
    }

    private void close() {
        Instant since;
        synchronized (this) {
            if (outage == null) {
                return;
            }
            since = outage.since();
            log.info("Redis answers again after {} s; its commands go through again",
                    (clock.millis() - since.toEpochMilli()) / 1000);
            outage = null;
            probing.cancel(false);
        }
        events.publishEvent(new RedisAnswersAgain(since));
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }

    private record Outage(Instant since, RuntimeException cause) {
    }
}
