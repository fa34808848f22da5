package com.kis.estimator.catalog.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kis.estimator.catalog.CatalogGeneration;

/**
 * Catalog values by code in this replica's memory. An entry counts only while the {@link CatalogGeneration} it was
 * read under is still current, so a change on any replica (through the API or an ERP import) is seen by the next
 * lookup everywhere. The generation is read before the database: a change committed in between moves it on and
 * leaves the entry unused. Without Redis there is no generation, and every lookup reads the database.
 */
final class GenerationCache<V> {

    /** Even an unchanged catalog is read again after this long, as the quotes are (the design's 15 minutes). */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);

    private record Entry<V>(long generation, V value) {
    }

    private final CatalogGeneration generations;
    private final Cache<String, Entry<V>> entries;

    /** @param maximumSize beyond it the least used entries leave first */
    GenerationCache(CatalogGeneration generations, int maximumSize) {
        this.generations = generations;
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(TIME_TO_LIVE).build();
    }

    /** The value for this code, from memory if read under the current generation, else from {@code load}. */
    Optional<V> get(String code, Supplier<Optional<V>> load) {
        Optional<Long> generation = generations.current();
        if (generation.isEmpty()) {
            return load.get();
        }
        V known = current(code, generation.get());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> entries.put(code, new Entry<>(generation.get(), value)));
        return loaded;
    }

    /**
     * The values for these codes, with one read of the generation and one {@code loadMissing} call for whatever
     * memory does not hold; codes without a value are left out.
     */
    Map<String, V> getAll(Collection<String> codes, Function<Collection<String>, Map<String, V>> loadMissing) {
        Optional<Long> generation = generations.current();
        if (generation.isEmpty()) {
            return loadMissing.apply(codes);
        }
        Map<String, V> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            V known = current(code, generation.get());
            if (known != null) {
                found.put(code, known);
            } else {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            loadMissing.apply(missing).forEach((code, value) -> {
                entries.put(code, new Entry<>(generation.get(), value));
                found.put(code, value);
            });
        }
        return found;
    }

    private V current(String code, long generation) {
        Entry<V> known = entries.getIfPresent(code);
        return known != null && known.generation() == generation ? known.value() : null;
    }
}
