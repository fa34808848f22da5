package com.kis.estimator.catalog.lookup;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kis.estimator.catalog.CatalogGeneration;
import com.kis.estimator.catalog.CatalogLookup.CustomerInfo;

/**
 * Customers by code in this replica's memory, for pricing: every estimate that is created, revised or submitted
 * looks its customer up, and reading it from the database (a query and five decrypted columns) was a twelfth
 * of the cost of creating one. An entry counts only while the {@link CatalogGeneration} it was read under is
 * still current, so a change on any replica (through the API or an ERP import) is seen by the next lookup
 * everywhere. Without Redis there is no generation, and every lookup reads the database.
 */
@Component
class CustomerCache {

    /** Enough for every customer of a supplier this size; the least used leave first beyond it. */
    static final int MAXIMUM_SIZE = 10_000;
    /** Even an unchanged catalog is read again after this long, as the quotes are (the design's 15 minutes). */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);

    private record Entry(long generation, CustomerInfo customer) {
    }

    private final CatalogGeneration generations;
    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE)
            .expireAfterWrite(TIME_TO_LIVE).build();

    CustomerCache(CatalogGeneration generations) {
        this.generations = generations;
    }

    /** The customer with this code, from memory if read under the current generation, else from {@code load}. */
    Optional<CustomerInfo> byCode(String code, Supplier<Optional<CustomerInfo>> load) {
        Optional<Long> generation = generations.current();
        if (generation.isEmpty()) {
            return load.get();
        }
        Entry known = entries.getIfPresent(code);
        if (known != null && known.generation() == generation.get()) {
            return Optional.of(known.customer());
        }
        // Read after the generation: a change committed in between moves the generation on and evicts this.
        Optional<CustomerInfo> customer = load.get();
        customer.ifPresent(found -> entries.put(code, new Entry(generation.get(), found)));
        return customer;
    }
}
