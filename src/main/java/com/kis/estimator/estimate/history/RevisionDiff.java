package com.kis.estimator.estimate.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.kis.estimator.estimate.model.EstimateItem;
import com.kis.estimator.estimate.model.EstimateRevision;

/**
 * What changed from one revision to the next, field by field: terms, totals, and lines by position
 * ({@code items[2].quantity}). A line only in one revision appears as {@code items[2]} added or removed.
 */
public final class RevisionDiff {

    private static final List<Field<EstimateRevision>> HEADER = List.of(
            new Field<>("customerCode", EstimateRevision::getCustomerCode),
            new Field<>("validUntil", EstimateRevision::getValidUntil),
            new Field<>("discountRate", EstimateRevision::getDiscountRate),
            new Field<>("note", EstimateRevision::getNote),
            new Field<>("subtotal", EstimateRevision::getSubtotal),
            new Field<>("discountAmount", EstimateRevision::getDiscountAmount),
            new Field<>("supplyAmount", EstimateRevision::getSupplyAmount),
            new Field<>("vat", EstimateRevision::getVat),
            new Field<>("total", EstimateRevision::getTotal),
            new Field<>("marginRate", EstimateRevision::getMarginRate));

    private static final List<Field<EstimateItem>> LINE = List.of(
            new Field<>("productCode", EstimateItem::getProductCode),
            new Field<>("quantity", EstimateItem::getQuantity),
            new Field<>("discountRate", EstimateItem::getDiscountRate),
            new Field<>("unitPrice", EstimateItem::getUnitPrice),
            new Field<>("tierDiscountRate", EstimateItem::getTierDiscountRate),
            new Field<>("netAmount", EstimateItem::getNetAmount),
            new Field<>("note", EstimateItem::getNote));

    private RevisionDiff() {
    }

    public static List<FieldChange> between(EstimateRevision before, EstimateRevision after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", HEADER, before, after, changes);
        List<EstimateItem> old = before.getItems();
        List<EstimateItem> now = after.getItems();
        for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
            String prefix = "items[" + i + "]";
            if (i >= old.size()) {
                changes.add(new FieldChange(prefix, null, describe(now.get(i))));
            } else if (i >= now.size()) {
                changes.add(new FieldChange(prefix, describe(old.get(i)), null));
            } else {
                compare(prefix + ".", LINE, old.get(i), now.get(i), changes);
            }
        }
        return changes;
    }

    private static <T> void compare(String prefix, List<Field<T>> fields, T before, T after, List<FieldChange> into) {
        for (Field<T> field : fields) {
            Object from = field.read.apply(before);
            Object to = field.read.apply(after);
            if (!same(from, to)) {
                into.add(new FieldChange(prefix + field.name, plain(from), plain(to)));
            }
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Object plain(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros() : value;
    }

    private static String describe(EstimateItem item) {
        return item.getProductCode() + " × " + item.getQuantity().stripTrailingZeros().toPlainString();
    }

    private record Field<T>(String name, Function<T, Object> read) {
    }
}
