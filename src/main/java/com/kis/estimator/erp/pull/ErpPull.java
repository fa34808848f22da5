package com.kis.estimator.erp.pull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kis.estimator.erp.importing.CsvLines;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.process.ImportRequest;
import com.kis.estimator.erp.process.ImportRequests;
import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.run.ImportState;
import com.kis.estimator.erp.settings.ErpProperties;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * The ERP pull: {@code ${erpPull.pull(execution, type)}} in processes/erp-pull.bpmn sends the type to the route
 * {@code direct:erp-pull}, which asks the ERP page by page for what changed since the last completed pull
 * ({@code begin}, {@code nextPage}, {@code page}), writes the rows as a CSV file and hands it to the import
 * ({@code finish}). When the ERP keeps failing after the retries, {@code deadLetter} records a FAILED run.
 */
@Component("erpPull")
@ProcessApi
public class ErpPull {

    static final String TYPE = "kisType";
    private static final String FILE = "kisPullFile";
    private static final String PAGE = "kisPage";
    private static final String LAST = "kisLastPage";
    private static final String SINCE = "kisUpdatedSince";
    private static final String ROWS = "kisRows";
    private static final String IMPORT = "kisImportId";
    private static final String AWAITED_BY = "kisAwaitedBy";
    private static final Logger log = LoggerFactory.getLogger(ErpPull.class);

    private final PullProperties properties;
    private final ErpProperties erp;
    private final ImportRuns runs;
    private final ImportRequests requests;
    private final ProducerTemplate camel;
    private final ObjectMapper json;

    ErpPull(PullProperties properties, ErpProperties erp, ImportRuns runs, ImportRequests requests,
            @Lazy ProducerTemplate camel, ObjectMapper json) {
        this.properties = properties;
        this.erp = erp;
        this.runs = runs;
        this.requests = requests;
        this.camel = camel;
        this.json = json;
    }

    /** The order of a pull: prices refer to products, customers to price lists. */
    public List<String> types() {
        return List.of("products", "prices", "customers");
    }

    /** The timer cycle of processes/erp-pull.bpmn ({@code ${erpPull.schedule}}). */
    public String getSchedule() {
        return properties.schedule();
    }

    /** Pulls one type; sets the local variable {@code pulledImport}: the import started, or null for none. */
    public void pull(DelegateExecution execution, String type) {
        execution.setVariableLocal("pulledImport", null);
        if (properties.baseUrl().isBlank()) {
            log.info("ERP pull of {} skipped: no ERP configured (kis.erp.pull.base-url)", type);
            return;
        }
        Exchange done = camel.request("direct:erp-pull", exchange -> {
            exchange.getIn().setHeader(TYPE, type);
            exchange.setProperty(AWAITED_BY, execution.getProcessInstanceId());
        });
        execution.setVariableLocal("pulledImport", done.getProperty(IMPORT, String.class));
    }

    public void begin(Exchange exchange) throws IOException {
        ImportType type = type(exchange);
        Path dir = Files.createDirectories(erp.workDir().resolve("pull"));
        Path file = dir.resolve(type.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, CsvLines.line(type.columns().stream().map(ImportType.Column::name).toList()),
                StandardCharsets.UTF_8);
        exchange.setProperty(FILE, file.toString());
        exchange.setProperty(SINCE, runs.lastCompletedStart(source(exchange), "rest")
                .map(start -> start.minus(properties.overlap()).toString()).orElse(null));
        exchange.setProperty(PAGE, 0);
        exchange.setProperty(LAST, false);
        exchange.setProperty(ROWS, 0L);
    }

    /** The request for the next page: query, bearer token, no body, no headers left from the last answer. */
    public void nextPage(Exchange exchange) {
        exchange.getIn().removeHeaders("*", TYPE);
        exchange.getIn().setBody(null);
        String since = exchange.getProperty(SINCE, String.class);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getIn().setHeader(Exchange.HTTP_QUERY, (since == null ? "" : "updatedSince=" + since + "&")
                + "page=" + exchange.getProperty(PAGE, Integer.class) + "&size=" + properties.pageSize());
        exchange.getIn().setHeader("Authorization", "Bearer " + properties.token());
    }

    /** Appends a page's items to the file. */
    public void page(Exchange exchange) throws IOException {
        JsonNode page;
        try (InputStream body = exchange.getIn().getBody(InputStream.class)) {
            page = json.readTree(body);
        }
        ImportType type = type(exchange);
        long rows = exchange.getProperty(ROWS, Long.class);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(exchange.getProperty(FILE, String.class)),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (JsonNode item : page.path("items")) {
                List<String> cells = new ArrayList<>();
                for (ImportType.Column column : type.columns()) {
                    cells.add(CsvLines.cell(field(item, column)));
                }
                out.write(CsvLines.line(cells));
                rows++;
            }
        }
        exchange.setProperty(ROWS, rows);
        exchange.setProperty(LAST, page.path("last").asBoolean(true) || page.path("items").isEmpty());
        exchange.setProperty(PAGE, exchange.getProperty(PAGE, Integer.class) + 1);
    }

    /** Hands the pulled rows to the import (a delta: nothing is deactivated); nothing changed, no import. */
    public void finish(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getProperty(FILE, String.class));
        try {
            long rows = exchange.getProperty(ROWS, Long.class);
            if (rows == 0) {
                log.info("ERP pull of {}: nothing changed since {}", source(exchange), exchange.getProperty(SINCE));
                return;
            }
            ImportRequest request = new ImportRequest(type(exchange), "rest", "erp-pull-" + source(exchange) + "-"
                    + Instant.now() + ".csv", false, StandardCharsets.UTF_8, "erp-pull")
                    .awaitedBy(exchange.getProperty(AWAITED_BY, String.class));
            try (InputStream in = Files.newInputStream(file)) {
                ImportRun run = requests.request(request, in);
                exchange.setProperty(IMPORT, run.importId().toString());
                log.info("ERP pull of {}: {} rows, import {}", source(exchange), rows, run.importId());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The ERP kept failing: the pull is recorded as a FAILED run (visible in /api/v1/erp/sync). */
    public void deadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = "ERP pull failed after the retries: " + (cause == null ? "unknown error" : cause.getMessage());
        ImportRun run = runs.start(source(exchange), "rest", null, null, 0, false, "erp-pull");
        runs.finish(run.importId(), ImportState.FAILED, reason);
        log.error("ERP pull of {} failed, recorded as import {}: {}", source(exchange), run.importId(), reason);
        String file = exchange.getProperty(FILE, String.class);
        if (file != null) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The item's value for a column, under its English name or any of its Korean headers. */
    private static JsonNode field(JsonNode item, ImportType.Column column) {
        for (var fields = item.fields(); fields.hasNext();) {
            var field = fields.next();
            if (column.matches(field.getKey())) {
                return field.getValue();
            }
        }
        return null;
    }

    private static ImportType type(Exchange exchange) {
        return ImportType.valueOf(source(exchange).toUpperCase(Locale.ROOT));
    }

    private static String source(Exchange exchange) {
        return exchange.getIn().getHeader(TYPE, String.class);
    }
}
