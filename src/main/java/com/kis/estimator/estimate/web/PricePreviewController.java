package com.kis.estimator.estimate.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.estimate.drafting.EstimateDrafting;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The web UI's live price: the estimate being written, priced by the server as a save would price it, so that the
 * page never holds a second copy of the pricing rules. Has its own rate limit (ADR 0010): it follows the typing.
 */
@RestController
@Tag(name = "estimate")
class PricePreviewController {

    static final String PATH = "/api/v1/estimates/preview";

    private final DraftRequests drafts;
    private final EstimateDrafting drafting;

    PricePreviewController(DraftRequests drafts, EstimateDrafting drafting) {
        this.drafts = drafts;
        this.drafting = drafting;
    }

    @RequiresPermission(Permission.ESTIMATE_CREATE)
    @PostMapping(PATH)
    @Operation(summary = "Price an estimate without saving it: each line's waterfall, 공급가액 / 부가세 / 합계 and the "
            + "total in Korean words")
    @ApiResponse(responseCode = "200", description = "Priced as a save would price it now; nothing was stored")
    @ApiResponse(responseCode = "422", description = "A customer, product or template that does not exist "
            + "(`unknown-reference`) or a business rule (`business-rule`)")
    PricePreview preview(@Valid @RequestBody EstimateRequest request) {
        return PricePreview.of(drafting.price(drafts.of(request)));
    }
}
