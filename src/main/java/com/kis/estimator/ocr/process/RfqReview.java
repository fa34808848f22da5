package com.kis.estimator.ocr.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

/**
 * A reviewer's answer to "Review extracted RFQ": make an estimate of the confirmed lines for a customer, or
 * discard the document. The rules hold for Tasklist and for the API alike, so they are checked here, when the
 * task is completed, and a refused review leaves the task open with nothing changed.
 */
public record RfqReview(String decision, String customerCode, List<ReviewLine> lines, String comment) {

    public static final String CREATE_ESTIMATE = "CREATE_ESTIMATE";
    public static final String DISCARD = "DISCARD";

    public List<ReviewLine> confirmed() {
        return lines == null ? List.of() : lines.stream().filter(ReviewLine::confirmed).toList();
    }

    /** @throws ApiProblemException 400 for an unknown decision, 422 naming every line that cannot be quoted */
    public void check(CatalogLookup catalog) {
        if (!CREATE_ESTIMATE.equals(decision) && !DISCARD.equals(decision)) {
            throw ApiProblemException.invalidField("reviewDecision",
                    "reviewDecision must be CREATE_ESTIMATE or DISCARD, was " + decision);
        }
        if (DISCARD.equals(decision)) {
            return;
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (customerCode == null || customerCode.isBlank() || catalog.customer(customerCode.strip()).isEmpty()) {
            errors.add(Map.of("field", "customerCode", "message", customerCode == null || customerCode.isBlank()
                    ? "choose the customer the estimate is for" : "no customer with code " + customerCode));
        }
        List<ReviewLine> confirmed = confirmed();
        if (confirmed.isEmpty()) {
            errors.add(Map.of("field", "lines", "message", "confirm at least one line, or discard the document"));
        }
        Set<String> known = catalog.products(confirmed.stream().map(ReviewLine::productCode)
                .filter(code -> code != null).toList()).entrySet().stream()
                .filter(e -> e.getValue().active()).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < lines.size(); i++) {
            ReviewLine line = lines.get(i);
            if (!line.confirmed()) {
                continue;
            }
            if (line.productCode() == null || !known.contains(line.productCode())) {
                errors.add(Map.of("field", "lines[" + i + "].productCode", "message",
                        line.productCode() == null ? "line " + (i + 1) + " has no product"
                                : "line " + (i + 1) + ": no active product " + line.productCode()));
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                errors.add(Map.of("field", "lines[" + i + "].quantity", "message",
                        "line " + (i + 1) + ": the quantity must be above zero"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    String.join("; ", errors.stream().map(e -> e.get("message")).toList()), Map.of("errors", errors));
        }
    }
}
