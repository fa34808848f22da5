package com.kis.estimator.estimate.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.estimate.document.QuotePdf;
import com.kis.estimator.estimate.document.QuotePdf.Quote;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/estimates")
@Tag(name = "estimate")
class QuoteDocumentController {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EstimateViews views;
    private final QuotePdf pdf;

    QuoteDocumentController(EstimateViews views, QuotePdf pdf) {
        this.views = views;
        this.pdf = pdf;
    }

    @RequiresPermission(Permission.ESTIMATE_READ)
    @GetMapping(value = EstimateController.ID + "/document", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The quote (견적서) as PDF, of the current or a given revision")
    ResponseEntity<byte[]> document(@PathVariable String id, @RequestParam(required = false) Integer revision) {
        Estimate estimate = views.find(id);
        EstimateResponse shown = revision == null ? views.current(estimate) : views.at(estimate, revision);
        byte[] document = pdf.render(quoteOf(shown));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(shown.number() + "-r" + shown.revision() + ".pdf").build().toString())
                .body(document);
    }

    private static Quote quoteOf(EstimateResponse estimate) {
        return new Quote(estimate.number(), estimate.revision(), estimate.pricingDate(), estimate.validUntil(),
                estimate.customer().name(), estimate.customer().businessRegistrationNumber(),
                estimate.items().stream().map(item -> new Quote.Line(item.lineNo(), item.productName(), item.spec(),
                        item.unit(), item.quantity(), item.unitPrice(), item.netAmount(), remark(item))).toList(),
                estimate.subtotal(), estimate.discountRate(), estimate.discountAmount(), estimate.supplyAmount(),
                estimate.vat(), estimate.total(), estimate.note());
    }

    /** The line's total discount off its unit price, then its note: "할인 6.9% 납기 4주". */
    private static String remark(EstimateResponse.Item item) {
        String note = item.note() == null ? "" : item.note();
        BigDecimal off = item.grossAmount().subtract(item.netAmount());
        if (off.signum() <= 0 || item.grossAmount().signum() == 0) {
            return note;
        }
        BigDecimal percent = off.multiply(HUNDRED).divide(item.grossAmount(), 1, RoundingMode.HALF_UP);
        return ("할인 " + percent.stripTrailingZeros().toPlainString() + "% " + note).strip();
    }
}
