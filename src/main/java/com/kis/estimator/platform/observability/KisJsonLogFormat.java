package com.kis.estimator.platform.observability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.core.env.Environment;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * One JSON object per log line, in the design's log format (04_Architecture.md, 로깅 전략): {@code timestamp},
 * {@code level}, {@code service}, {@code traceId}, {@code spanId}, {@code userId}, then the message and any
 * business fields a caller adds with SLF4J key/values or the MDC ({@code action}, {@code estimateId},
 * {@code duration}, {@code success}). Selected by {@code logging.structured.format.console}.
 */
public class KisJsonLogFormat extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

    private static final Set<String> CORRELATION_KEYS = Set.of("traceId", "spanId", "userId");

    public KisJsonLogFormat(Environment environment, ThrowableProxyConverter throwableConverter) {
        super(members -> describe(members, environment.getProperty("spring.application.name", "kis-estimator"),
                throwableConverter), null);
    }

    private static void describe(Members<ILoggingEvent> members, String service, ThrowableProxyConverter throwables) {
        members.add("timestamp", ILoggingEvent::getInstant);
        members.add("level", event -> event.getLevel().toString());
        members.add("service", service);
        members.add("traceId", event -> event.getMDCPropertyMap().get("traceId")).whenNotNull();
        members.add("spanId", event -> event.getMDCPropertyMap().get("spanId")).whenNotNull();
        members.add("userId", event -> event.getMDCPropertyMap().get("userId")).whenNotNull();
        members.add("logger", ILoggingEvent::getLoggerName);
        members.add("thread", ILoggingEvent::getThreadName);
        members.add("message", ILoggingEvent::getFormattedMessage);
        members.addMapEntries(KisJsonLogFormat::businessFields);
        members.add("error", event -> event).whenNotNull(ILoggingEvent::getThrowableProxy)
                .as(throwables::convert);
    }

    private static Map<String, Object> businessFields(ILoggingEvent event) {
        Map<String, Object> fields = event.getMDCPropertyMap().entrySet().stream()
                .filter(entry -> !CORRELATION_KEYS.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b,
                        TreeMap::new));
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> fields.put(pair.key, pair.value));
        }
        return fields;
    }
}
