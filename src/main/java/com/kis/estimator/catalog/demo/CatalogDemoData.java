package com.kis.estimator.catalog.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.BusinessRegistrationNumber;
import com.kis.estimator.catalog.customer.Customer;
import com.kis.estimator.catalog.customer.CustomerRepository;
import com.kis.estimator.catalog.pricelist.PriceList;
import com.kis.estimator.catalog.pricelist.PriceListEntry;
import com.kis.estimator.catalog.pricelist.PriceListRepository;
import com.kis.estimator.catalog.product.Product;
import com.kis.estimator.catalog.product.ProductRepository;
import com.kis.estimator.catalog.tier.VolumeTierRepository;
import com.kis.estimator.catalog.tier.VolumeTierRow;
import com.kis.estimator.platform.crypto.ColumnCipher;

/**
 * Seeds the embedded default with a realistic electrical-supply catalog from {@code demo/catalog/*.csv}:
 * breakers, panels, transformers, cables and the like, ten customers, a key-account price list and volume
 * tiers. Every row is marked {@code demo = true}. Runs only when the catalog is empty.
 */
@Component
@ConditionalOnProperty(name = "kis.demo.enabled", havingValue = "true")
class CatalogDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private final ProductRepository products;
    private final CustomerRepository customers;
    private final PriceListRepository priceLists;
    private final VolumeTierRepository tiers;
    private final ColumnCipher cipher;

    CatalogDemoData(ProductRepository products, CustomerRepository customers, PriceListRepository priceLists,
            VolumeTierRepository tiers, ColumnCipher cipher) {
        this.cipher = cipher;
        this.products = products;
        this.customers = customers;
        this.priceLists = priceLists;
        this.tiers = tiers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (products.count() > 0) {
            return;
        }
        Map<String, Product> productsByCode = seedProducts();
        Map<String, PriceList> listsByCode = seedPriceLists(productsByCode);
        seedCustomers(listsByCode);
        read("volume-tiers.csv").forEach(row -> tiers.save(new VolumeTierRow(
                row.get("category").isEmpty() ? null : row.get("category"),
                new BigDecimal(row.get("min_quantity")), new BigDecimal(row.get("discount_rate")), true)));
        log.warn("DEMO MODE: demo catalog loaded: {} products, {} customers, {} price lists, {} volume tiers",
                products.count(), customers.count(), priceLists.count(), tiers.count());
    }

    private Map<String, Product> seedProducts() {
        List<Product> seeded = read("products.csv").stream().map(row -> {
            Product product = new Product(row.get("code"), true);
            product.describe(row.get("name"), row.get("spec"), row.get("category"), row.get("unit"),
                    Boolean.parseBoolean(row.get("active")));
            product.reprice(new BigDecimal(row.get("list_price")), new BigDecimal(row.get("cost")));
            return product;
        }).toList();
        return products.saveAll(seeded).stream().collect(Collectors.toMap(Product::getCode, Function.identity()));
    }

    private Map<String, PriceList> seedPriceLists(Map<String, Product> productsByCode) {
        Map<String, PriceList> lists = new LinkedHashMap<>();
        Map<String, List<PriceListEntry>> entries = new HashMap<>();
        for (Map<String, String> row : read("price-lists.csv")) {
            String code = row.get("price_list");
            lists.computeIfAbsent(code, c -> new PriceList(c, row.get("price_list_name"), true));
            entries.computeIfAbsent(code, c -> new ArrayList<>()).add(new PriceListEntry(
                    productsByCode.get(row.get("product_code")), new BigDecimal(row.get("price")),
                    LocalDate.parse(row.get("valid_from")),
                    row.get("valid_to").isEmpty() ? null : LocalDate.parse(row.get("valid_to"))));
        }
        lists.forEach((code, list) -> list.addEntries(entries.get(code)));
        priceLists.saveAll(lists.values());
        return lists;
    }

    private void seedCustomers(Map<String, PriceList> listsByCode) {
        customers.saveAll(read("customers.csv").stream().map(row -> {
            Customer customer = new Customer(row.get("code"), true);
            String brn = BusinessRegistrationNumber.normalize(row.get("business_registration_number"));
            customer.describe(row.get("name"), brn, cipher.blindIndex(brn), row.get("tier"),
                    listsByCode.get(row.get("price_list")));
            customer.contact(row.get("contact_name"), row.get("contact_email"), row.get("contact_phone"),
                    row.get("address"));
            return customer;
        }).toList());
    }

    /** Rows of a simple comma-separated file with a header line; the demo files contain no quoted commas. */
    private static List<Map<String, String>> read(String file) {
        var resource = new ClassPathResource("demo/catalog/" + file);
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            return reader.lines().filter(line -> !line.isBlank()).map(line -> {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i].strip() : "");
                }
                return row;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo file " + file, e);
        }
    }
}
