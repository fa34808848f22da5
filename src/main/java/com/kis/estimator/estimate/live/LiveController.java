package com.kis.estimator.estimate.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The web UI's live updates: one stream per open page, of the estimates its user may see. */
@RestController
@Tag(name = "estimate")
class LiveController {

    static final String PATH = "/api/v1/estimates/events";

    private final LiveStreams streams;
    private final Callers callers;

    LiveController(LiveStreams streams, Callers callers) {
        this.streams = streams;
        this.callers = callers;
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: an `estimate` event ({id, number, status, action}) whenever an "
            + "estimate the caller may see changes, on any instance, and a `document` event ({id, status}) when a "
            + "document the caller uploaded has been read (EXTRACTED, ready for review), reviewed or failed; the "
            + "stream ends after 30 minutes and the "
            + "browser's EventSource reconnects (retry: 2 s)")
    @ApiResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    SseEmitter events(HttpServletResponse response) {
        // nginx (docs/deployment) would otherwise hold the events back in its buffer
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(callers.current().orElseThrow());
    }
}
