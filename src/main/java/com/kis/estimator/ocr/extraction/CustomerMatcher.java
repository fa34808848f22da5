package com.kis.estimator.ocr.extraction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.ocr.extraction.ExtractedRfq.CustomerRead;

/**
 * Who sent the document: a business registration number on the page (its check digit must hold, so a misread
 * digit cannot point at another company) is near certain; otherwise a customer's name, without the legal-form
 * marks (주식회사, (주), ㈜) and spacing, found in the lines above the table.
 */
final class CustomerMatcher {

    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("(\\d{3})\\s*-\\s*(\\d{2})\\s*-\\s*(\\d{5})");
    private static final double NAME_THRESHOLD = 0.75;

    private final List<CustomerInfo> customers;

    CustomerMatcher(List<CustomerInfo> customers) {
        this.customers = customers;
    }

    CustomerRead match(List<List<Token>> headerLines) {
        for (List<Token> line : headerLines) {
            Matcher found = REGISTRATION_NUMBER.matcher(Token.join(line));
            while (found.find()) {
                String digits = found.group(1) + found.group(2) + found.group(3);
                if (!BusinessRegistrationNumber.isValid(digits)) {
                    continue;
                }
                for (CustomerInfo customer : customers) {
                    if (digits.equals(BusinessRegistrationNumber.normalize(
                            customer.businessRegistrationNumber() == null ? "" : customer.businessRegistrationNumber()))) {
                        return new CustomerRead(customer.code(), customer.name(), found.group(),
                                "REGISTRATION_NUMBER", Math.min(0.99, HeaderReader.confidenceOf(line, found.group()) + 0.1));
                    }
                }
            }
        }
        CustomerRead best = new CustomerRead(null, null, null, "NONE", 0);
        for (List<Token> line : headerLines) {
            String text = nameKey(Token.join(line));
            for (CustomerInfo customer : customers) {
                String name = nameKey(customer.name());
                if (name.length() < 2) {
                    continue;
                }
                double score = text.contains(name) ? 1.0 : bestWindow(text, name);
                if (score >= NAME_THRESHOLD && score * 0.9 > best.confidence()) {
                    best = new CustomerRead(customer.code(), customer.name(), customer.name(), "NAME", score * 0.9);
                }
            }
        }
        return best;
    }

    /** The best pair similarity between the name and any stretch of the line as long as it. */
    private static double bestWindow(String text, String name) {
        double best = 0;
        var namePairs = ProductMatcher.pairs(name);
        for (int start = 0; start + name.length() <= text.length(); start++) {
            best = Math.max(best, ProductMatcher.dice(ProductMatcher.pairs(text.substring(start, start + name.length())),
                    namePairs));
        }
        return best;
    }

    static String nameKey(String name) {
        return Confusions.textKey(name.replaceAll("주식회사|\\(\\s*주\\s*\\)|㈜", ""));
    }
}
