package com.kis.estimator.catalog.lookup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.CatalogGeneration;
import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.catalog.customer.Customer;
import com.kis.estimator.catalog.customer.CustomerRepository;
import com.kis.estimator.catalog.pricelist.PriceListRepository;
import com.kis.estimator.catalog.product.Product;
import com.kis.estimator.catalog.product.ProductRepository;
import com.kis.estimator.catalog.tier.VolumeTierRepository;

@Service
@Transactional(readOnly = true)
class JpaCatalogLookup implements CatalogLookup {

    /**
     * Customers and products are read on every estimate that is created, revised, submitted or scored; from the
     * database that was a twelfth of creating an estimate (customers: a query and five decrypted columns) and a
     * fourteenth of submitting one (products for the win model's features). Enough for the whole catalog of a
     * supplier this size.
     */
    static final int CUSTOMERS_IN_MEMORY = 10_000;
    static final int PRODUCTS_IN_MEMORY = 50_000;

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final PriceListRepository priceLists;
    private final VolumeTierRepository tiers;
    private final GenerationCache<CustomerInfo> customerCache;
    private final GenerationCache<ProductInfo> productCache;

    JpaCatalogLookup(CustomerRepository customers, ProductRepository products, PriceListRepository priceLists,
            VolumeTierRepository tiers, CatalogGeneration generation) {
        this.customers = customers;
        this.customerCache = new GenerationCache<>(generation, CUSTOMERS_IN_MEMORY);
        this.productCache = new GenerationCache<>(generation, PRODUCTS_IN_MEMORY);
        this.products = products;
        this.priceLists = priceLists;
        this.tiers = tiers;
    }

    /** No transaction of its own: a cached customer needs no database connection; the query opens its own. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CustomerInfo> customer(String code) {
        return customerCache.get(code, () -> customers.findByCode(code).map(JpaCatalogLookup::toValue));
    }

    @Override
    public Optional<CustomerInfo> customer(long id) {
        return customers.findById(id).map(JpaCatalogLookup::toValue);
    }

    /** As {@link #customer(String)}: cached products need no database connection. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<String, ProductInfo> products(Collection<String> codes) {
        return productCache.getAll(codes, missing -> products.findByCodeIn(missing).stream()
                .map(JpaCatalogLookup::toValue).collect(Collectors.toMap(ProductInfo::code, Function.identity())));
    }

    @Override
    public List<ContractPriceInfo> contractPrices(String priceListCode, Collection<String> productCodes) {
        return priceLists.findEntries(priceListCode, productCodes).stream()
                .map(entry -> new ContractPriceInfo(priceListCode, entry.getProduct().getCode(), entry.getPrice(),
                        entry.getValidFrom(), entry.getValidTo()))
                .toList();
    }

    @Override
    public List<VolumeTierInfo> volumeTiers() {
        return tiers.findAllOrdered().stream()
                .map(row -> new VolumeTierInfo(row.getCategory(), row.getMinQuantity(), row.getDiscountRate()))
                .toList();
    }

    @Override
    public List<ProductInfo> activeProducts() {
        return products.findActive().stream().map(JpaCatalogLookup::toValue).toList();
    }

    @Override
    public List<CustomerInfo> customers() {
        return customers.findAll().stream().map(JpaCatalogLookup::toValue).toList();
    }

    private static CustomerInfo toValue(Customer customer) {
        return new CustomerInfo(customer.getId(), customer.getCode(), customer.getName(),
                customer.getBusinessRegistrationNumber(), customer.getTier(),
                customer.getPriceList() == null ? null : customer.getPriceList().getCode());
    }

    private static ProductInfo toValue(Product product) {
        return new ProductInfo(product.getCode(), product.getName(), product.getSpec(),
                product.getCategory(), product.getUnit(), product.getListPrice(), product.getCost(),
                product.isActive(), product.getPriceVersion());
    }
}
