package com.kis.estimator.ocr.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.catalog.CatalogLookup.ProductInfo;
import com.kis.estimator.ocr.engine.RecognizedPage;
import com.kis.estimator.ocr.extraction.ExtractedRfq.Candidate;
import com.kis.estimator.ocr.extraction.ExtractedRfq.CustomerRead;
import com.kis.estimator.ocr.extraction.ExtractedRfq.Line;

/**
 * Reads an RFQ or purchase order: header fields from the lines above the first table, item rows from the
 * tables, each row matched against the catalog. Plain Java over what the OCR read and a snapshot of the
 * catalog, so it can be tried on any page without a database.
 */
public final class RfqExtractor {

    /** Below this a line is shown unconfirmed: the reviewer has to look at it. */
    public static final double CONFIRM_THRESHOLD = 0.8;

    private final ProductMatcher products;
    private final CustomerMatcher customers;
    private final List<CustomerInfo> customerList;

    public RfqExtractor(List<ProductInfo> activeProducts, List<CustomerInfo> customers) {
        this.products = new ProductMatcher(activeProducts);
        this.customers = new CustomerMatcher(customers);
        this.customerList = customers;
    }

    /**
     * @param givenCustomerCode the customer the uploader named, or null; it wins over what the page says
     */
    public ExtractedRfq extract(List<RecognizedPage> pages, String givenCustomerCode) {
        TableReader table = new TableReader();
        List<TableRow> rows = new ArrayList<>();
        List<List<Token>> header = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<List<Token>> lines = pages.get(p).lines().stream().map(Token::of).filter(l -> !l.isEmpty()).toList();
            List<TableRow> pageRows = table.read(p + 1, lines);
            if (rows.isEmpty()) {
                header.addAll(linesBefore(lines, pageRows));
            }
            rows.addAll(pageRows);
        }
        List<Line> lines = new ArrayList<>();
        for (TableRow row : rows) {
            lines.add(line(lines.size() + 1, row));
        }
        double confidence = lines.stream().mapToDouble(Line::confidence).average().orElse(0);
        return new ExtractedRfq(HeaderReader.documentNumber(header), HeaderReader.documentDate(header),
                customer(header, givenCustomerCode), List.copyOf(lines), round(confidence));
    }

    private CustomerRead customer(List<List<Token>> header, String given) {
        CustomerRead read = customers.match(header);
        if (given == null) {
            return read;
        }
        return customerList.stream().filter(c -> c.code().equals(given)).findFirst()
                .map(c -> new CustomerRead(c.code(), c.name(), read.read(), "GIVEN", 1.0))
                .orElse(read);
    }

    private Line line(int number, TableRow row) {
        List<ProductMatcher.Candidate> candidates = products.match(row.code(), row.description());
        ProductMatcher.Candidate best = candidates.isEmpty() ? null : candidates.get(0);
        BigDecimal quantity = row.quantity() == null ? null : new BigDecimal(row.quantity());
        String unit = row.unit() != null ? row.unit() : best == null ? null : best.unit();
        double confidence = 0;
        if (best != null && quantity != null && quantity.signum() > 0) {
            confidence = best.score() * Math.min(1.0, row.quantityConfidence() + 0.1);
            boolean close = candidates.size() > 1 && candidates.get(1).score() > best.score() - 0.05;
            if (close && best.score() < 1.0) {
                confidence *= 0.8;
            }
            if (row.unit() != null && best.unit() != null && !row.unit().equalsIgnoreCase(best.unit())) {
                // the customer counts in another unit than the catalog: someone must convert
                confidence *= 0.6;
            }
        }
        return new Line(number, row.page(), row.text(), best == null ? null : best.code(),
                best == null ? null : best.name(), row.description(), quantity, unit, row.unit() != null,
                round(confidence),
                candidates.stream().map(c -> new Candidate(c.code(), c.name(), round(c.score()))).toList());
    }

    /** The lines above the first item row: where the sender, number and date are. */
    private static List<List<Token>> linesBefore(List<List<Token>> lines, List<TableRow> rows) {
        if (rows.isEmpty()) {
            return lines;
        }
        String first = rows.get(0).text();
        List<List<Token>> before = new ArrayList<>();
        for (List<Token> line : lines) {
            if (Token.join(line).equals(first)) {
                break;
            }
            before.add(line);
        }
        return before;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
