package com.kis.estimator.estimate.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kis.estimator.estimate.model.Estimate;
import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRevision;
import com.kis.estimator.pricing.EstimateToPrice;
import com.kis.estimator.pricing.LineToPrice;
import com.kis.estimator.pricing.PriceCalculator;
import com.kis.estimator.pricing.PricedEstimate;
import com.kis.estimator.pricing.PricingRules;
import com.kis.estimator.pricing.ProductPrice;

class RevisionDiffTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void identicalRevisionsHaveNoChanges() {
        EstimateRevision one = revision("1차", "0", line("A", 5));
        EstimateRevision same = revision("1차", "0", line("A", 5));

        assertThat(RevisionDiff.between(one, same)).isEmpty();
    }

    @Test
    void changedTermsAndLinesAreNamedWithTheirOldAndNewValues() {
        EstimateRevision before = revision("1차", "0", line("A", 5), line("B", 1));
        EstimateRevision after = revision("2차", "2.5", line("A", 8));

        List<FieldChange> changes = RevisionDiff.between(before, after);

        assertThat(changes).extracting(FieldChange::field).contains("note", "discountRate", "total",
                "items[0].quantity", "items[0].netAmount", "items[1]").doesNotContain("items[0].productCode");
        assertThat(changes).filteredOn(change -> change.field().equals("items[0].quantity")).singleElement()
                .satisfies(change -> {
                    assertThat((BigDecimal) change.from()).isEqualByComparingTo("5");
                    assertThat((BigDecimal) change.to()).isEqualByComparingTo("8");
                });
        assertThat(changes).filteredOn(change -> change.field().equals("items[1]")).singleElement()
                .satisfies(change -> {
                    assertThat(change.from()).isEqualTo("B × 1");
                    assertThat(change.to()).isNull();
                });
    }

    @Test
    void numbersThatDifferOnlyInScaleAreEqual() {
        EstimateRevision before = revision("x", "2.50", line("A", 5));
        EstimateRevision after = revision("x", "2.5", line("A", 5));

        assertThat(RevisionDiff.between(before, after)).isEmpty();
    }

    private static LineToPrice line(String code, long quantity) {
        return new LineToPrice(new ProductPrice(code, null, BigDecimal.valueOf(1_000), BigDecimal.valueOf(600), 1),
                BigDecimal.valueOf(quantity), BigDecimal.ZERO, List.of());
    }

    private static EstimateRevision revision(String note, String discount, LineToPrice... lines) {
        PricedEstimate priced = new PriceCalculator(PricingRules.KOREAN_DEFAULT)
                .price(new EstimateToPrice(DAY, List.of(lines), new BigDecimal(discount), List.of()));
        List<EstimateItem> items = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            items.add(new EstimateItem(i + 1, "품목", null, "EA", priced.lines().get(i), null));
        }
        return EstimateRevision.builder().of(new Estimate("EST-2026-000001", "sales1", "team-seoul"), 1)
                .customer("C", "고객", "1248100998", "A", null)
                .terms(DAY, DAY.plusDays(30), priced.discountRate(), note)
                .totals(priced.subtotal(), priced.discountAmount(), priced.supplyAmount(), priced.vat(), priced.total())
                .margin(priced.cost(), priced.margin(), priced.marginRate())
                .created("sales1", Instant.EPOCH).items(items).build();
    }
}
