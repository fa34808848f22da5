package com.kis.estimator.estimate.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import com.kis.estimator.estimate.EstimateStatus;
import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.estimate.model.EstimateViewer;
import com.kis.estimator.platform.persistence.TextSearch;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Role;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * List filters; the created range is in business days (KST), both ends inclusive. The free text finds an estimate
 * by its number, its customer's code or name, or a product (code or name) on its current revision.
 */
final class EstimateSearch {

    private EstimateSearch() {
    }

    static Specification<Estimate> matching(String text, EstimateStatus status, String customerCode, String owner,
            LocalDate createdFrom, LocalDate createdTo, Boolean pricesStale, Clock clock) {
        TextSearch typed = TextSearch.of(text);
        return (root, query, cb) -> {
            List<Predicate> conditions = new ArrayList<>();
            if (typed != null) {
                Subquery<Long> onALine = query.subquery(Long.class);
                Root<EstimateItem> item = onALine.from(EstimateItem.class);
                Join<EstimateItem, EstimateRevision> revision = item.join("revision");
                onALine.select(item.get("id")).where(cb.equal(revision.get("estimate"), root),
                        cb.equal(revision.get("revision"), root.get("currentRevision")),
                        cb.or(typed.inCode(cb, item.get("productCode")), typed.inName(cb, item.get("productName"))));
                conditions.add(cb.or(typed.inCode(cb, root.get("number")), typed.inCode(cb, root.get("customerCode")),
                        typed.inName(cb, root.get("customerName")), cb.exists(onALine)));
            }
            if (status != null) {
                conditions.add(cb.equal(root.get("status"), status));
            }
            if (customerCode != null && !customerCode.isBlank()) {
                conditions.add(cb.equal(root.get("customerCode"), customerCode));
            }
            if (owner != null && !owner.isBlank()) {
                conditions.add(cb.equal(root.get("owner"), owner));
            }
            if (createdFrom != null) {
                conditions.add(cb.greaterThanOrEqualTo(root.get("createdAt"),
                        createdFrom.atStartOfDay(clock.getZone()).toInstant()));
            }
            if (createdTo != null) {
                conditions.add(cb.lessThan(root.get("createdAt"),
                        createdTo.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            }
            if (pricesStale != null) {
                conditions.add(pricesStale ? cb.isNotNull(root.get("pricesStaleSince"))
                        : cb.isNull(root.get("pricesStaleSince")));
            }
            return cb.and(conditions.toArray(Predicate[]::new));
        };
    }

    /** The estimates a caller may see: the same rule as {@link com.kis.estimator.estimate.EstimateAccess}. */
    static Specification<Estimate> visibleTo(Caller caller) {
        return (root, query, cb) -> {
            if (caller.seesEverything()) {
                return cb.conjunction();
            }
            List<Predicate> visible = new ArrayList<>();
            visible.add(cb.equal(root.get("owner"), caller.id()));
            if (caller.hasRole(Role.SALES) && !caller.teams().isEmpty()) {
                visible.add(root.get("ownerTeam").in(caller.teams()));
            }
            Subquery<Long> granted = query.subquery(Long.class);
            Root<EstimateViewer> viewer = granted.from(EstimateViewer.class);
            Predicate toUser = cb.and(cb.equal(viewer.get("kind"), EstimateViewer.Kind.USER),
                    cb.equal(viewer.get("principal"), caller.id()));
            Predicate toGroup = caller.groups().isEmpty() ? cb.disjunction()
                    : cb.and(cb.equal(viewer.get("kind"), EstimateViewer.Kind.GROUP),
                            viewer.get("principal").in(caller.groups()));
            granted.select(viewer.get("estimateId"))
                    .where(cb.equal(viewer.get("estimateId"), root.get("id")), cb.or(toUser, toGroup));
            visible.add(cb.exists(granted));
            return cb.or(visible.toArray(Predicate[]::new));
        };
    }
}
