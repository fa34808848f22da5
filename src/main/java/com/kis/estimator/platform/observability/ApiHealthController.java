package com.kis.estimator.platform.observability;

import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The design's gateway health route {@code /api/v1/health}: the overall status only, for load balancers and the
 * web UI. Operations read the details at {@code /actuator/health}.
 */
@RestController
class ApiHealthController {

    private final HealthEndpoint health;

    ApiHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/api/v1/health")
    @Operation(summary = "Overall health (UP, DOWN, OUT_OF_SERVICE)", tags = "platform")
    @ApiResponse(responseCode = "200", description = "UP")
    @ApiResponse(responseCode = "503", description = "DOWN or OUT_OF_SERVICE",
            content = @Content(schema = @Schema(implementation = Health.class)))
    ResponseEntity<Health> health() {
        Status status = health.health().getStatus();
        HttpStatus code = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(code).body(new Health(status.getCode()));
    }

    /** The application's overall health, as Actuator decides it. */
    record Health(@Schema(allowableValues = {"UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN"}) String status) {
    }
}
