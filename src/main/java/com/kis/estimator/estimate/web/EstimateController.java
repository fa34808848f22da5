package com.kis.estimator.estimate.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.drafting.Drafted;
import com.kis.estimator.estimate.drafting.EstimateDrafting;
import com.kis.estimator.estimate.drafting.PricedDraft;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistory;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.CurrentUser;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.web.SortableBy;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/estimates")
@Tag(name = "estimate")
class EstimateController {

    /**
     * An estimate's id ({@code 42}) or number ({@code EST-2026-000042}). Spelled out so that
     * {@code /estimates/templates} is never taken for an estimate: PUT or DELETE there is a 405, not a 404.
     */
    static final String ID = "/{id:[0-9]+|EST-[0-9]+-[0-9]+}";


    private final EstimateCreation creation;
    private final EstimateDrafting drafting;
    private final EstimateViews views;
    private final EstimateRepository estimates;
    private final EstimateHistory history;
    private final DraftRequests drafts;
    private final CurrentUser user;
    private final Callers callers;
    private final Clock clock;

    EstimateController(EstimateCreation creation, EstimateDrafting drafting, EstimateViews views,
            EstimateRepository estimates, EstimateHistory history, DraftRequests drafts, CurrentUser user,
            Callers callers, Clock clock) {
        this.callers = callers;
        this.creation = creation;
        this.drafting = drafting;
        this.views = views;
        this.estimates = estimates;
        this.history = history;
        this.drafts = drafts;
        this.user = user;
        this.clock = clock;
    }

    @RequiresPermission(Permission.ESTIMATE_CREATE)
    @PostMapping
    @Operation(summary = "Create a priced estimate (DRAFT); an Idempotency-Key makes retries safe")
    @ApiResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first answer again with Idempotent-Replayed: true); Location names it",
            content = @Content(schema = @Schema(implementation = EstimateResponse.class)))
    @ApiResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a request still running")
    @ApiResponse(responseCode = "422", description = "A customer, product or template that does not exist (`unknown-reference`), a business rule (`business-rule`), or an Idempotency-Key used for another body (`idempotency-key-reused`)")
    ResponseEntity<Object> create(@Valid @RequestBody EstimateRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Size(min = 1, max = 100) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey) {
        Caller caller = callers.current().orElseThrow();
        String team = caller.teams().stream().sorted().findFirst().orElse(null);
        EstimateCreation.Created created = creation.create(request, drafts.of(request), caller.id(), team, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/estimates/" + created.id()))
                .eTag(etag(created.version()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(created.body());
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping(ID)
    ResponseEntity<EstimateResponse> read(@PathVariable String id) {
        EstimateResponse estimate = views.current(views.find(id));
        return ResponseEntity.ok().eTag(etag(estimate.version())).body(estimate);
    }

    @RequiresPermission(Permission.ESTIMATE_UPDATE)
    @PutMapping(ID)
    @ApiResponse(responseCode = "200", description = "Revised: the new revision, with its ETag")
    @ApiResponse(responseCode = "409", description = "The estimate cannot be revised in its status, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version (`precondition-failed`)")
    @ApiResponse(responseCode = "422", description = "A customer, product or template that does not exist (`unknown-reference`) or a business rule (`business-rule`)")
    @Operation(summary = "Revise an editable estimate: a new revision, the old one stays readable. "
            + "If-Match with the ETag refuses a stale write (412)")
    ResponseEntity<EstimateResponse> revise(@PathVariable String id, @Valid @RequestBody EstimateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long estimateId = views.findOwned(id, "revise").getId();
        Long expectedVersion = expectedVersion(ifMatch);
        drafting.checkRevisable(estimateId, expectedVersion);
        PricedDraft priced = drafting.price(drafts.of(request));
        Drafted revised = drafting.revise(estimateId, priced, user.id(), expectedVersion);
        EstimateResponse body = EstimateResponse.of(revised.estimate(), revised.revision(), false);
        return ResponseEntity.ok().eTag(etag(body.version())).body(body);
    }

    @RequiresPermission(Permission.ESTIMATE_UPDATE)
    @DeleteMapping(ID)
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "Only a draft that was never submitted can be deleted")
    @Operation(summary = "Delete a draft that was never submitted")
    ResponseEntity<Void> delete(@PathVariable String id) {
        drafting.delete(views.findOwned(id, "delete").getId(), user.id());
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "List estimates by text (number, customer, or a product on the current revision; Korean "
            + "names with or without spaces), status, customer, owner, creation date (KST, inclusive) and stale prices")
    Page<EstimateSummary> list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) EstimateStatus status,
            @RequestParam(required = false) @Size(max = 40) String customer,
            @RequestParam(required = false) @Size(max = 100) String owner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) Boolean pricesStale,
            @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
            @SortableBy({"createdAt", "updatedAt", "number", "status", "customerName", "total", "validUntil"})
            @ParameterObject Pageable page) {
        Specification<Estimate> search = EstimateSearch.matching(q, status, customer, owner, createdFrom, createdTo,
                pricesStale, clock)
                .and(EstimateSearch.visibleTo(callers.current().orElseThrow()));
        return estimates.findAll(search, page)
                .map(EstimateSummary::of);
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping(ID + "/revisions")
    @Transactional(readOnly = true)
    @Operation(summary = "All revisions with a per-field diff to the previous one, and the change history")
    RevisionsResponse revisions(@PathVariable String id) {
        Estimate estimate = views.find(id);
        return RevisionsResponse.of(estimate, estimates.findRevisions(estimate),
                history.findByEstimateIdOrderByIdAsc(estimate.getId()));
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping(ID + "/revisions/{revision}")
    EstimateResponse revision(@PathVariable String id, @PathVariable int revision) {
        return views.at(views.find(id), revision);
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!tag.matches("\\d{1,18}")) {
            throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not an ETag of this API");
        }
        return Long.parseLong(tag);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
