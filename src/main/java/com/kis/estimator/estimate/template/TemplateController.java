package com.kis.estimator.estimate.template;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.CurrentUser;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/**
 * Estimate templates; a new estimate starts from one with {@code "templateId"} in its request. Each caller sees
 * and uses only the templates {@link TemplateAccess} lets them see.
 */
@RestController
@RequestMapping("/api/v1/estimates/templates")
@Tag(name = "estimate")
@Transactional
class TemplateController {

    private final EstimateTemplates templates;
    private final CatalogLookup catalog;
    private final CurrentUser user;
    private final TemplateAccess access;

    TemplateController(EstimateTemplates templates, CatalogLookup catalog, CurrentUser user, TemplateAccess access) {
        this.templates = templates;
        this.catalog = catalog;
        this.user = user;
        this.access = access;
    }

    @RequiresPermission(Permission.TEMPLATES)
    @GetMapping
    @Transactional(readOnly = true)
    List<TemplateResponse> list() {
        return templates.findAllWithItems().stream().filter(access::canSee).map(TemplateResponse::of).toList();
    }

    @RequiresPermission(Permission.TEMPLATES)
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    TemplateResponse read(@PathVariable long id) {
        return TemplateResponse.of(find(id));
    }

    @RequiresPermission(Permission.TEMPLATES)
    @PostMapping
    @Operation(summary = "Create a template; its products must exist")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "422", description = "A line names a product that does not exist (`unknown-reference`)")
    ResponseEntity<TemplateResponse> create(@Valid @RequestBody TemplateRequest request) {
        EstimateTemplate template = new EstimateTemplate(user.id(), access.teamOfCaller());
        apply(template, request);
        templates.saveAndFlush(template);
        return ResponseEntity.created(URI.create("/api/v1/estimates/templates/" + template.getId()))
                .body(TemplateResponse.of(template));
    }

    @RequiresPermission(Permission.TEMPLATES)
    @PutMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "403", description = "The caller sees the template but does not own it")
    @ApiResponse(responseCode = "422", description = "A line names a product that does not exist (`unknown-reference`)")
    TemplateResponse update(@PathVariable long id, @Valid @RequestBody TemplateRequest request) {
        EstimateTemplate template = find(id);
        access.requireOwner(template, "change");
        template.clearItems();
        // Orphaned lines must be deleted before the new ones are numbered from 1 again.
        templates.flush();
        apply(template, request);
        templates.flush();
        return TemplateResponse.of(template);
    }

    @RequiresPermission(Permission.TEMPLATES)
    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "The caller sees the template but does not own it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        EstimateTemplate template = find(id);
        access.requireOwner(template, "delete");
        templates.delete(template);
        return ResponseEntity.noContent().build();
    }

    /** 404 unless it exists and the caller may see it. */
    private EstimateTemplate find(long id) {
        return access.requireVisible(templates.findWithItems(id)
                .orElseThrow(() -> ApiProblemException.notFound("Template", id)));
    }

    private void apply(EstimateTemplate template, TemplateRequest request) {
        Map<String, CatalogLookup.ProductInfo> products = catalog.products(request.items().stream()
                .map(TemplateRequest.Item::productCode).collect(Collectors.toSet()));
        for (int i = 0; i < request.items().size(); i++) {
            String code = request.items().get(i).productCode();
            if (!products.containsKey(code)) {
                throw ApiProblemException.unknownReference("items[" + i + "].productCode", "no product " + code);
            }
        }
        template.describe(request.name(), request.description(), zeroIfNull(request.discountRate()), request.note());
        template.addItems(request.items().stream().map(item -> new TemplateItem(item.productCode(), item.quantity(),
                zeroIfNull(item.discountRate()), item.note())).toList());
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
