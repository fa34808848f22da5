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

import com.kis.estimator.catalog.CatalogGeneration;
import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.history.RevisionDiff;
import com.kis.estimator.estimate.model.Estimate;
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
 * Creates estimates, revises them and deletes untouched drafts. Every write prices the lines afresh
 * ({@link #price}, before the write transaction), stores a complete new revision and records who did it; all
 * checks happen before the first write, so a refused request leaves no trace.
 */
@Service
public class EstimateDrafting {

    private final EstimateRepository estimates;
    private final EstimateRevisions revisions;
    private final ChangeLog changes;
    private final EstimateNumbers numbers;
    private final CatalogLookup catalog;
    private final CatalogGeneration generation;
    private final QuotePricing pricing;
    private final TemplateExpansion templates;
    private final PricingProperties properties;
    private final DraftingMetrics metrics;
    private final Clock clock;

    EstimateDrafting(EstimateRepository estimates, EstimateRevisions revisions, ChangeLog changes,
            EstimateNumbers numbers, CatalogLookup catalog, CatalogGeneration generation, QuotePricing pricing,
            TemplateExpansion templates, PricingProperties properties, DraftingMetrics metrics, Clock clock) {
        this.estimates = estimates;
        this.revisions = revisions;
        this.changes = changes;
        this.numbers = numbers;
        this.catalog = catalog;
        this.generation = generation;
        this.pricing = pricing;
        this.templates = templates;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Checks the draft against the catalog and prices it; reads only, outside any write transaction. The customer
     * and the prices are read under one catalog generation.
     */
    public PricedDraft price(Draft requested) {
        return generation.pinned(() -> priceNow(requested));
    }

    private PricedDraft priceNow(Draft requested) {
        Draft draft = templates.expand(requested);
        LocalDate today = LocalDate.now(clock);
        CustomerInfo customer = customer(draft.customerCode());
        LocalDate validUntil = validUntil(draft, today);
        List<QuoteLine> lines = draft.items().stream()
                .map(line -> new QuoteLine(line.productCode(), line.quantity(), zeroIfNull(line.discountRate())))
                .toList();
        PricedQuote quote = pricing.quote(customer, today, zeroIfNull(draft.discountRate()), lines);
        return new PricedDraft(draft, customer, today, validUntil, quote);
    }

    @Transactional
    public Drafted create(PricedDraft priced, String actor) {
        return create(priced, actor, null);
    }

    /** A new estimate owned by {@code actor}, readable by the members of {@code team} (may be null). */
    @Transactional
    public Drafted create(PricedDraft priced, String actor, String team) {
        Estimate estimate = new Estimate(numbers.next(priced.pricingDate()), actor, team);
        EstimateRevision revision = revision(estimate, 1, priced, actor);
        estimate.adopt(revision, priced.customer().id());
        estimates.save(estimate);
        revisions.save(revision);
        estimates.flush();
        record(estimate, Action.CREATED, null, actor, revision.getItems().size() + " lines, total "
                + revision.getTotal().toPlainString());
        metrics.recorded(Action.CREATED, estimate, revision);
        return new Drafted(estimate, revision);
    }

    /** The checks {@link #revise} repeats, done early so that a refused edit is not priced first. */
    @Transactional(readOnly = true)
    public void checkRevisable(long id, Long expectedVersion) {
        revisable(id, expectedVersion);
    }

    @Transactional
    public Drafted revise(long id, PricedDraft priced, String actor, Long expectedVersion) {
        Estimate estimate = revisable(id, expectedVersion);
        EstimateRevision previous = estimates.findRevision(estimate, estimate.getCurrentRevision()).orElseThrow();
        EstimateRevision revision = revisions.save(revision(estimate, estimate.nextRevisionNumber(), priced, actor));
        estimate.adopt(revision, priced.customer().id());
        estimates.flush();
        var changes = RevisionDiff.between(previous, revision);
        record(estimate, Action.REVISED, null, actor, changes.isEmpty() ? "no changes"
                : changes.size() + " changes: " + String.join(", ", changes.stream().map(c -> c.field()).toList()));
        metrics.recorded(Action.REVISED, estimate, revision);
        return new Drafted(estimate, revision);
    }

    private Estimate revisable(long id, Long expectedVersion) {
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
        return estimate;
    }

    @Transactional
    public void delete(long id, String actor) {
        Estimate estimate = estimates.findById(id).orElseThrow(() -> ApiProblemException.notFound("Estimate", id));
        if (!estimate.isDeletable()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, estimate.getNumber() + " is "
                    + estimate.getStatus() + (estimate.getStatus().isEditable() ? " and was submitted before" : "")
                    + "; only a draft that was never submitted can be deleted");
        }
        record(estimate, Action.DELETED, estimate.getStatus(), actor, "deleted");
        estimates.delete(estimate);
        metrics.recorded(Action.DELETED, estimate, null);
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

    private EstimateRevision revision(Estimate estimate, int number, PricedDraft priced, String actor) {
        PricedEstimate pricing = priced.quote().pricing();
        CustomerInfo customer = priced.customer();
        List<EstimateItem> items = new ArrayList<>();
        for (int i = 0; i < pricing.lines().size(); i++) {
            PricedLine line = pricing.lines().get(i);
            QuotedProduct product = priced.quote().products().get(i);
            items.add(new EstimateItem(i + 1, product.name(), product.spec(), product.unit(), line,
                    priced.draft().items().get(i).note()));
        }
        return EstimateRevision.builder()
                .of(estimate, number)
                .customer(customer.code(), customer.name(), customer.businessRegistrationNumber(), customer.tier(),
                        customer.priceListCode())
                .terms(priced.pricingDate(), priced.validUntil(), pricing.discountRate(), priced.draft().note())
                .totals(pricing.subtotal(), pricing.discountAmount(), pricing.supplyAmount(), pricing.vat(),
                        pricing.total())
                .margin(pricing.cost(), pricing.margin(), pricing.marginRate())
                .created(actor, Instant.now(clock))
                .items(items)
                .build();
    }

    private void record(Estimate estimate, Action action, EstimateStatus fromStatus, String actor, String detail) {
        changes.record(estimate, action, fromStatus, actor, detail, Instant.now(clock));
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
