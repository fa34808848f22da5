package com.kis.estimator.platform.observability;

import java.util.Map;

import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

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
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        HttpStatus code = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(code).body(Map.of("status", status.getCode()));
    }
}
