package com.kis.estimator.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;
import com.kis.estimator.catalog.CatalogLookup.ProductInfo;

/**
 * RFQs over the demo catalog (the same CSV files the embedded default loads): random items with random
 * quantities, from a seed, so a run can be repeated.
 */
public final class RfqSamples {

    public static final List<ProductInfo> PRODUCTS = products();
    public static final List<CustomerInfo> CUSTOMERS = customers();

    private RfqSamples() {
    }

    public static RfqPages.Rfq rfq(long seed, int items) {
        Random random = new Random(seed);
        List<ProductInfo> active = new ArrayList<>(PRODUCTS.stream().filter(ProductInfo::active).toList());
        Collections.shuffle(active, random);
        List<RfqPages.Item> lines = active.subList(0, items).stream()
                .map(p -> new RfqPages.Item(p.code(), p.name(), quantity(random, p.unit()), p.unit()))
                .toList();
        CustomerInfo customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
        return new RfqPages.Rfq("RFQ-2026-" + String.format("%04d", 1 + random.nextInt(9999)),
                LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)), customer.name(),
                customer.businessRegistrationNumber(), lines);
    }

    private static int quantity(Random random, String unit) {
        return "M".equals(unit) ? 50 * (1 + random.nextInt(60)) : 1 + random.nextInt(60);
    }

    public static CustomerInfo customerNamed(String name) {
        return CUSTOMERS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<ProductInfo> products() {
        List<ProductInfo> products = new ArrayList<>();
        for (String[] row : rows("/demo/catalog/products.csv")) {
            products.add(new ProductInfo(row[0], row[1], row[2], row[3], row[4], new BigDecimal(row[5]),
                    new BigDecimal(row[6]), Boolean.parseBoolean(row[7]), 1));
        }
        return List.copyOf(products);
    }

    private static List<CustomerInfo> customers() {
        List<CustomerInfo> customers = new ArrayList<>();
        long id = 1;
        for (String[] row : rows("/demo/catalog/customers.csv")) {
            customers.add(new CustomerInfo(id++, row[0], row[1], row[2], row[3], row[4].isEmpty() ? null : row[4]));
        }
        return List.copyOf(customers);
    }

    /** The demo files hold no quoted commas. */
    private static List<String[]> rows(String resource) {
        try (InputStream in = RfqSamples.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
