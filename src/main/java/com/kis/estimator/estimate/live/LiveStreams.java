package com.kis.estimator.estimate.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kis.estimator.estimate.EstimateAccess;
import com.kis.estimator.estimate.EstimateChanged;
import com.kis.estimator.platform.live.UserNotice;
import com.kis.estimator.security.Caller;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The open pages of this instance, each a server-sent event stream of the caller who opened it. A change reaches
 * the streams whose caller may see the estimate, and no other: a stream never names another user's estimate; a
 * notice reaches only its user's streams.
 */
@Component
class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    /** A stream ends after this and the browser opens the next (EventSource reconnects by itself). */
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** How soon a browser reconnects after the stream broke (a network drop, a restart). */
    static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Map<SseEmitter, Caller> open = new ConcurrentHashMap<>();
    private final EstimateAccess access;

    LiveStreams(EstimateAccess access, MeterRegistry meters) {
        this.access = access;
        meters.gauge("kis_live_streams", open, Map::size);
    }

    SseEmitter open(Caller caller) {
        SseEmitter stream = new SseEmitter(LIFETIME.toMillis());
        stream.onCompletion(() -> open.remove(stream));
        stream.onTimeout(stream::complete);
        stream.onError(error -> open.remove(stream));
        open.put(stream, caller);
        send(stream, SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("open"));
        return stream;
    }

    void deliver(EstimateChanged change) {
        var event = new LiveEvent(change.id(), change.number(), change.status().name(), change.action());
        open.forEach((stream, caller) -> {
            if (access.mayFollow(caller, change)) {
                send(stream, SseEmitter.event().name("estimate").data(event, MediaType.APPLICATION_JSON));
            }
        });
    }

    /** A notice reaches the pages of its one user only. */
    void deliver(UserNotice notice) {
        var event = new NoticeEvent(notice.id(), notice.status());
        open.forEach((stream, caller) -> {
            if (caller.id().equals(notice.user())) {
                send(stream, SseEmitter.event().name(notice.kind()).data(event, MediaType.APPLICATION_JSON));
            }
        });
    }

    /** Keeps proxies from closing a quiet stream, and finds the streams whose browser has gone. */
    @Scheduled(fixedDelayString = "${kis.live.heartbeat:20s}")
    void heartbeat() {
        open.keySet().forEach(stream -> send(stream, SseEmitter.event().comment("")));
    }

    /**
     * On a stop, before the web server's graceful shutdown: an open stream counts as a request in progress, so each
     * page would hold the stop for the whole shutdown timeout. Ended here, the browsers reconnect to another
     * replica, or to this one when it is back.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        open.keySet().forEach(SseEmitter::complete);
        open.clear();
    }

    private void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException gone) {
            // the browser left: the stream is done, not the change
            open.remove(stream);
            log.debug("Live stream closed: {}", gone.getMessage());
        }
    }

    /** What a page learns: which estimate, its status now, and what happened. */
    record LiveEvent(long id, String number, String status, String action) {
    }

    /** What a page learns of a notice: what moved, and where it is now. */
    record NoticeEvent(String id, String status) {
    }
}
