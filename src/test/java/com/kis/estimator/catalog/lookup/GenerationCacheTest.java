package com.kis.estimator.catalog.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.kis.estimator.catalog.CatalogGeneration;

class GenerationCacheTest {

    private final CatalogGeneration generation = mock(CatalogGeneration.class);
    private final GenerationCache<String> cache = new GenerationCache<>(generation, 100);
    private final List<Collection<String>> loads = new ArrayList<>();

    /** The database as the loader sees it: every code but "gone" exists, valued by code and the read's number. */
    private final Function<Collection<String>, Map<String, String>> database = codes -> {
        loads.add(List.copyOf(codes));
        return codes.stream().filter(code -> !code.equals("gone"))
                .collect(Collectors.toMap(code -> code, code -> code + "@" + loads.size()));
    };

    @Test
    void readsOnlyWhatMemoryDoesNotHoldUnderTheCurrentGeneration() {
        when(generation.current()).thenReturn(Optional.of(7L));
        assertThat(cache.getAll(List.of("a", "b"), database)).containsOnly(Map.entry("a", "a@1"), Map.entry("b", "b@1"));

        assertThat(cache.getAll(List.of("a", "b", "c", "gone"), database))
                .containsOnly(Map.entry("a", "a@1"), Map.entry("b", "b@1"), Map.entry("c", "c@2"));
        assertThat(loads).containsExactly(List.of("a", "b"), List.of("c", "gone"));
        assertThat(cache.get("a", () -> Optional.of("never read"))).contains("a@1");
    }

    @Test
    void anEntryReadUnderAnOlderGenerationIsReadAgain() {
        when(generation.current()).thenReturn(Optional.of(7L));
        cache.getAll(List.of("a"), database);

        when(generation.current()).thenReturn(Optional.of(8L));
        assertThat(cache.getAll(List.of("a"), database)).containsEntry("a", "a@2");
        assertThat(cache.get("a", () -> Optional.of("never read"))).contains("a@2");
    }

    @Test
    void withoutAGenerationEveryLookupReadsTheDatabaseAndNothingIsKept() {
        when(generation.current()).thenReturn(Optional.empty());
        cache.getAll(List.of("a"), database);
        cache.getAll(List.of("a"), database);
        assertThat(loads).hasSize(2);

        when(generation.current()).thenReturn(Optional.of(7L));
        assertThat(cache.get("a", () -> Optional.of("read now"))).contains("read now");
    }
}
