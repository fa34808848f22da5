package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.platform.observability.KisJsonLogFormat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.LoggingEvent;

class KisJsonLogFormatTest {

    private final LoggerContext context = new LoggerContext();
    private final KisJsonLogFormat format = new KisJsonLogFormat(
            new MockEnvironment().withProperty("spring.application.name", "kis-estimator"), converter());

    @Test
    void writesTheDesignsLogFieldsWithBusinessKeyValues() throws Exception {
        LoggingEvent event = event("Estimate {} created", "EST-2026-0001");
        event.setMDCPropertyMap(Map.of("traceId", "abc123", "spanId", "def456", "userId", "sales1"));
        event.addKeyValuePair(new KeyValuePair("action", "create_estimate"));
        event.addKeyValuePair(new KeyValuePair("duration", 1250));

        JsonNode line = new ObjectMapper().readTree(format.format(event));

        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("service").asText()).isEqualTo("kis-estimator");
        assertThat(line.path("traceId").asText()).isEqualTo("abc123");
        assertThat(line.path("spanId").asText()).isEqualTo("def456");
        assertThat(line.path("userId").asText()).isEqualTo("sales1");
        assertThat(line.path("action").asText()).isEqualTo("create_estimate");
        assertThat(line.path("duration").asInt()).isEqualTo(1250);
        assertThat(line.path("message").asText()).isEqualTo("Estimate EST-2026-0001 created");
        assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void leavesOutCorrelationFieldsThatAreAbsentAndWritesErrors() throws Exception {
        LoggingEvent event = event("failed");
        event.setMDCPropertyMap(Map.of());
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));

        JsonNode line = new ObjectMapper().readTree(format.format(event));

        assertThat(line.has("traceId")).isFalse();
        assertThat(line.has("userId")).isFalse();
        assertThat(line.path("error").asText()).contains("IllegalStateException: boom");
    }

    private LoggingEvent event(String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("com.kis.estimator.Test"), Level.INFO,
                message, null, arguments);
        return event;
    }

    private ThrowableProxyConverter converter() {
        ThrowableProxyConverter converter = new ThrowableProxyConverter();
        converter.setContext(context);
        converter.start();
        return converter;
    }
}
