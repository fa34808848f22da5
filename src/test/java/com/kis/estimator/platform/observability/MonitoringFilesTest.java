package com.kis.estimator.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The alert rules and the Grafana dashboards name meters the application registers: a meter renamed in the code
 * would otherwise leave an alert that can never fire and a panel that stays empty, and nobody would notice.
 */
class MonitoringFilesTest {

    private static final Pattern OUR_METRIC = Pattern.compile("\\bkis_[a-z_]+");
    private static final Pattern METER_NAME = Pattern.compile("\"(kis[._][a-z._]+)\"");
    /** What Prometheus adds to a Micrometer meter's name. */
    private static final Pattern PROMETHEUS_SUFFIX = Pattern.compile("(_seconds)?(_bucket|_count|_sum|_max|_total)?$");

    @Test
    void everyMeterTheAlertsAndDashboardsNameIsRegisteredByTheApplication() throws IOException {
        Set<String> registered = registeredMeters();
        Set<String> named = new TreeSet<>(metricsIn(Files.readString(Path.of("deploy/prometheus/alerts.yml"))));
        try (Stream<Path> dashboards = Files.list(Path.of("deploy/grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                named.addAll(metricsIn(Files.readString(dashboard)));
            }
        }

        assertThat(named).as("kis_ meters in deploy/").hasSizeGreaterThan(10);
        assertThat(named.stream().filter(metric -> !registered.contains(base(metric))).toList())
                .as("meters no code registers").isEmpty();
    }

    @Test
    void everyDashboardPanelQueriesTheProvisionedDatasource() throws IOException {
        try (Stream<Path> dashboards = Files.list(Path.of("deploy/grafana/dashboards"))) {
            for (Path file : dashboards.toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                assertThat(dashboard.path("uid").asText()).as(file.toString()).isNotBlank();
                dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
                    assertThat(target.at("/datasource/uid").asText()).as(panel.path("title").asText())
                            .isEqualTo("kis-prometheus");
                    assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank();
                }));
            }
        }
        assertThat(Files.readString(Path.of("deploy/grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: kis-prometheus");
    }

    private static Set<String> metricsIn(String text) {
        Set<String> metrics = new TreeSet<>();
        Matcher metric = OUR_METRIC.matcher(text);
        while (metric.find()) {
            metrics.add(metric.group());
        }
        return metrics;
    }

    private static String base(String prometheusName) {
        return PROMETHEUS_SUFFIX.matcher(prometheusName).replaceFirst("");
    }

    private static Set<String> registeredMeters() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            return sources.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    return METER_NAME.matcher(Files.readString(file)).results().map(name -> name.group(1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(name -> name.replace('.', '_')).collect(Collectors.toSet());
        }
    }
}
