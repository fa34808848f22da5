package com.kis.estimator.catalog.tier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.catalog.CatalogChanged;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/volume-tiers")
@Tag(name = "catalog")
class VolumeTierController {

    private final VolumeTierRepository tiers;
    private final ApplicationEventPublisher events;

    VolumeTierController(VolumeTierRepository tiers, ApplicationEventPublisher events) {
        this.tiers = tiers;
        this.events = events;
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping
    @Transactional(readOnly = true)
    VolumeTierScale read() {
        return VolumeTierScale.of(tiers.findAllOrdered());
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PutMapping
    @ApiResponse(responseCode = "200", description = "Replaced; the whole scale as it is now")
    @ApiResponse(responseCode = "422", description = "The tiers overlap or name a category that does not exist")
    @Transactional
    @Operation(summary = "Replace the whole volume discount scale")
    VolumeTierScale replace(@Valid @RequestBody VolumeTierScale scale) {
        Set<String> steps = new HashSet<>();
        List<VolumeTierScale.Tier> requested = scale.tiers();
        for (int i = 0; i < requested.size(); i++) {
            VolumeTierScale.Tier tier = requested.get(i);
            if (!steps.add(blankToNull(tier.category()) + "@" + tier.minQuantity().stripTrailingZeros().toPlainString())) {
                throw ApiProblemException.businessRule("tiers[" + i + "].minQuantity",
                        "a second tier from " + tier.minQuantity() + " for "
                                + (tier.category() == null ? "all products" : tier.category()));
            }
        }
        tiers.deleteAllInBatch();
        tiers.saveAll(requested.stream()
                .map(tier -> new VolumeTierRow(blankToNull(tier.category()), tier.minQuantity(), tier.discountRate(), false))
                .toList());
        events.publishEvent(new CatalogChanged("volume tiers"));
        return VolumeTierScale.of(tiers.findAllOrdered());
    }

    private static String blankToNull(String category) {
        return category == null || category.isBlank() ? null : category;
    }
}
