package com.kis.estimator.erp.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.erp.importing.CsvEncoding;
import com.kis.estimator.erp.importing.ImportRejected;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.importing.RowProblem;
import com.kis.estimator.erp.outbound.ErpOutbound;
import com.kis.estimator.erp.process.FileTooLarge;
import com.kis.estimator.erp.process.ImportRequest;
import com.kis.estimator.erp.process.ImportRequests;
import com.kis.estimator.erp.process.ImportSchedule;
import com.kis.estimator.erp.process.SourceLock;
import com.kis.estimator.erp.run.ImportRun;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.run.Rejections;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.CurrentUser;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Pushing an ERP export in, and how the imports stand. An import is accepted (202) once the file is stored and
 * its header checked; the rows are staged, validated and applied by the erp-import process.
 */
@RestController
@RequestMapping("/api/v1/erp")
@Tag(name = "erp")
@Validated
class ErpImportController {

    private static final String PRODUCT_ROWS = """
            [{"product_code": "MCCB-3P-30", "name": "배선용 차단기 3P 30A", "spec": "AC 460V 18kA", "category": "BREAKER",
              "unit": "EA", "list_price": 28000, "cost": 19500, "active": true},
             {"product_code": "PNL-DB-12", "name": "분전반 12회로", "category": "PANEL", "unit": "EA",
              "list_price": 185000, "cost": 131000, "active": true}]""";

    private final ImportRequests requests;
    private final ImportRuns runs;
    private final Rejections rejections;
    private final SourceLock lock;
    private final ImportSchedule schedule;
    private final CurrentUser currentUser;
    private final ErpOutbound outbound;

    ErpImportController(ImportRequests requests, ImportRuns runs, Rejections rejections, SourceLock lock,
            ImportSchedule schedule, CurrentUser currentUser, ErpOutbound outbound) {
        this.outbound = outbound;
        this.requests = requests;
        this.runs = runs;
        this.rejections = rejections;
        this.lock = lock;
        this.schedule = schedule;
        this.currentUser = currentUser;
    }

    @RequiresPermission(Permission.ERP_IMPORT)
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an ERP export file (CSV in UTF-8 or CP949, or XLSX) of products, customers or prices")
    @ApiResponse(responseCode = "202", description = "Taken in; statusUrl follows the import")
    @ApiResponse(responseCode = "422", description = "The file cannot be an import at all (`import-file-refused`)")
    ResponseEntity<ImportAccepted> importFile(@RequestParam String type,
            @RequestParam(defaultValue = "false") boolean fullSnapshot,
            @RequestParam(required = false) String encoding, @RequestPart("file") MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.csv" : file.getOriginalFilename();
        try {
            return accepted(request(type, name, fullSnapshot, encoding), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RequiresPermission(Permission.ERP_IMPORT)
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import rows pushed as JSON: an array of objects keyed by the file format's column headers")
    @ApiResponse(responseCode = "202", description = "Taken in; statusUrl follows the import")
    @ApiResponse(responseCode = "422", description = "The file cannot be an import at all (`import-file-refused`)")
    ResponseEntity<ImportAccepted> importJson(@RequestParam String type,
            @RequestParam(defaultValue = "false") boolean fullSnapshot,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The rows: an array of objects, or "
                    + "`{\"rows\": [...]}`; keys are the column headers of the type's file format (English or "
                    + "Korean), values strings, numbers or booleans; or, as multipart, the ERP's export file",
                    content = {
                        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                                type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)),
                                examples = @ExampleObject(name = "products", value = PRODUCT_ROWS)),
                        // both operations share the path: this one's documented body replaces what the upload's
                        // would say, so it says it too
                        @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
                                requiredProperties = "file"), schemaProperties = @SchemaProperty(name = "file",
                                        schema = @Schema(type = "string", format = "binary")))})
            @RequestBody JsonNode body) {
        byte[] csv = JsonRows.toCsv(body);
        return accepted(request(type, "api.json", fullSnapshot, "UTF-8"), new ByteArrayInputStream(csv));
    }

    @RequiresPermission(Permission.ERP_IMPORT)
    @GetMapping("/sync")
    @Operation(summary = "Per source (products, customers, prices): the last run, the running import, the next pull")
    SyncStatus status() {
        Map<String, ImportRun> latest = runs.latestPerSource().stream()
                .collect(java.util.stream.Collectors.toMap(ImportRun::source, run -> run, (a, b) -> a));
        List<SyncStatus.Source> sources = Arrays.stream(ImportType.values())
                .map(type -> type.name().toLowerCase(Locale.ROOT))
                .map(source -> new SyncStatus.Source(source,
                        latest.containsKey(source) ? SyncStatus.LastRun.of(latest.get(source)) : null,
                        lock.holder(source), schedule.nextRun().orElse(null)))
                .toList();
        return new SyncStatus(sources, outbound.counts());
    }

    @RequiresPermission(Permission.ERP_IMPORT)
    @GetMapping("/sync/{importId}")
    @Operation(summary = "One import: state, counts and the rejected rows with their reasons")
    ImportStatus run(@PathVariable UUID importId,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
        ImportRun run = runs.find(importId).orElseThrow(() -> ApiProblemException.notFound("Import", importId));
        List<RowProblem> problems = rejections.list(importId, limit + 1);
        boolean truncated = problems.size() > limit;
        return ImportStatus.of(run, truncated ? problems.subList(0, limit) : problems, truncated);
    }

    private ResponseEntity<ImportAccepted> accepted(ImportRequest request, InputStream content) {
        ImportRun run;
        try {
            run = requests.request(request, content);
        } catch (FileTooLarge e) {
            throw new ApiProblemException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
        } catch (ImportRejected e) {
            String field = e.column() == null ? "file" : e.column();
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.IMPORT_FILE_REFUSED,
                    e.getMessage(), Map.of("errors", List.of(Map.of("field", field, "line", e.line(),
                            "message", e.getMessage()))));
        }
        ImportAccepted body = ImportAccepted.of(run);
        return ResponseEntity.accepted().location(URI.create(body.statusUrl())).body(body);
    }

    private ImportRequest request(String type, String fileName, boolean fullSnapshot, String encoding) {
        return new ImportRequest(type(type), "api", fileName, fullSnapshot, charset(encoding), currentUser.id());
    }

    private static ImportType type(String type) {
        try {
            return ImportType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.invalidField("type", "type must be products, customers or prices");
        }
    }

    private static Charset charset(String encoding) {
        try {
            return CsvEncoding.named(encoding);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.invalidField("encoding", "encoding must be UTF-8, CP949, EUC-KR or auto");
        }
    }
}
