package com.kis.estimator.estimate.drafting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.history.RevisionDiff;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateHistory;
import com.kis.estimator.estimate.model.EstimateHistoryEntry;
import com.kis.estimator.estimate.model.EstimateHistoryEntry.Action;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateNumbers;
import com.kis.estimator.estimate.model.EstimateRepository;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.estimate.model.EstimateRevisions;
import com.kis.estimator.estimate.quote.PricedQuote;
import com.kis.estimator.estimate.quote.PricingProperties;
import com.kis.estimator.estimate.quote.QuoteLine;
import com.kis.estimator.estimate.quote.QuotePricing;
import com.kis.estimator.estimate.quote.QuotedProduct;
import com.kis.estimator.estimate.template.TemplateExpansion;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.pricing.PricedEstimate;
import com.kis.estimator.pricing.PricedLine;

/**
 * Creates estimates, revises them and deletes untouched drafts. Every write prices the lines afresh, stores a
 * complete new revision and records who did it; all checks happen before the first write, so a refused
 * request leaves no trace.
 */
@Service
@Transactional
public class EstimateDrafting {

    private final EstimateRepository estimates;
    private final EstimateRevisions revisions;
    private final EstimateHistory history;
    private final EstimateNumbers numbers;
    private final CatalogLookup catalog;
    private final QuotePricing pricing;
    private final TemplateExpansion templates;
    private final PricingProperties properties;
    private final Clock clock;

    EstimateDrafting(EstimateRepository estimates, EstimateRevisions revisions, EstimateHistory history,
            EstimateNumbers numbers, CatalogLookup catalog, QuotePricing pricing, TemplateExpansion templates,
            PricingProperties properties, Clock clock) {
        this.estimates = estimates;
        this.revisions = revisions;
        this.history = history;
        this.numbers = numbers;
        this.catalog = catalog;
        this.pricing = pricing;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    public Estimate create(Draft requested, String actor) {
        Draft draft = templates.expand(requested);
        LocalDate today = LocalDate.now(clock);
        CustomerInfo customer = customer(draft.customerCode());
        LocalDate validUntil = validUntil(draft, today);
        PricedQuote quote = price(customer, today, draft);

        Estimate estimate = new Estimate(numbers.next(today), actor);
        EstimateRevision revision = revision(estimate, 1, customer, today, validUntil, draft, quote, actor);
        estimate.adopt(revision, customer.id());
        estimates.save(estimate);
        revisions.save(revision);
        estimates.flush();
        record(estimate, Action.CREATED, null, actor, quote.pricing().lines().size() + " lines, total "
                + revision.getTotal().toPlainString());
        return estimate;
    }

    public Estimate revise(long id, Draft requested, String actor, Long expectedVersion) {
        Estimate estimate = estimates.findById(id).orElseThrow(() -> ApiProblemException.notFound("Estimate", id));
        if (expectedVersion != null && expectedVersion != estimate.getVersion()) {
            throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED,
                    estimate.getNumber() + " was changed since you read it (version " + estimate.getVersion()
                            + "); reload it and apply your change again");
        }
        if (!estimate.getStatus().isEditable()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, estimate.getNumber() + " is "
                    + estimate.getStatus() + "; only DRAFT and CHANGES_REQUESTED estimates can be changed");
        }
        Draft draft = templates.expand(requested);
        LocalDate today = LocalDate.now(clock);
        CustomerInfo customer = customer(draft.customerCode());
        LocalDate validUntil = validUntil(draft, today);
        PricedQuote quote = price(customer, today, draft);
        EstimateRevision previous = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();

        EstimateRevision revision = revisions.save(revision(estimate, estimate.nextRevisionNumber(), customer, today,
                validUntil, draft, quote, actor));
        estimate.adopt(revision, customer.id());
        estimates.flush();
        var changes = RevisionDiff.between(previous, revision);
        record(estimate, Action.REVISED, null, actor, changes.isEmpty() ? "no changes"
                : changes.size() + " changes: " + String.join(", ", changes.stream().map(c -> c.field()).toList()));
        return estimate;
    }

    public void delete(long id, String actor) {
        Estimate estimate = estimates.findById(id).orElseThrow(() -> ApiProblemException.notFound("Estimate", id));
        if (!estimate.isDeletable()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, estimate.getNumber() + " is "
                    + estimate.getStatus() + (estimate.getStatus().isEditable() ? " and was submitted before" : "")
                    + "; only a draft that was never submitted can be deleted");
        }
        record(estimate, Action.DELETED, estimate.getStatus(), actor, "deleted");
        estimates.delete(estimate);
    }

    private CustomerInfo customer(String code) {
        return catalog.customer(code)
                .orElseThrow(() -> ApiProblemException.unknownReference("customerCode", "no customer " + code));
    }

    private LocalDate validUntil(Draft draft, LocalDate today) {
        if (draft.validUntil() == null) {
            return today.plusDays(properties.defaultValidity().toDays());
        }
        if (draft.validUntil().isBefore(today)) {
            throw ApiProblemException.businessRule("validUntil", "validUntil " + draft.validUntil() + " is in the past");
        }
        return draft.validUntil();
    }

    private PricedQuote price(CustomerInfo customer, LocalDate today, Draft draft) {
        List<QuoteLine> lines = draft.items().stream()
                .map(line -> new QuoteLine(line.productCode(), line.quantity(), zeroIfNull(line.discountRate())))
                .toList();
        return pricing.quote(customer, today, zeroIfNull(draft.discountRate()), lines);
    }

    private EstimateRevision revision(Estimate estimate, int number, CustomerInfo customer, LocalDate today,
            LocalDate validUntil, Draft draft, PricedQuote quote, String actor) {
        PricedEstimate priced = quote.pricing();
        List<EstimateItem> items = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            PricedLine line = priced.lines().get(i);
            QuotedProduct product = quote.products().get(i);
            items.add(new EstimateItem(i + 1, product.name(), product.spec(), product.unit(), line,
                    draft.items().get(i).note()));
        }
        return EstimateRevision.builder()
                .of(estimate, number)
                .customer(customer.code(), customer.name(), customer.businessRegistrationNumber(), customer.tier(),
                        customer.priceListCode())
                .terms(today, validUntil, priced.discountRate(), draft.note())
                .totals(priced.subtotal(), priced.discountAmount(), priced.supplyAmount(), priced.vat(), priced.total())
                .margin(priced.cost(), priced.margin(), priced.marginRate())
                .created(actor, Instant.now(clock))
                .items(items)
                .build();
    }

    private void record(Estimate estimate, Action action, EstimateStatus fromStatus, String actor, String detail) {
        history.save(new EstimateHistoryEntry(estimate, action, fromStatus, actor, detail, Instant.now(clock)));
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
