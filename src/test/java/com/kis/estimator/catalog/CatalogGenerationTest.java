package com.kis.estimator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import com.kis.estimator.PostgresIntegrationTest;

/** The catalog generation in the real Redis: moved on by every change, held still inside a pinned reading. */
@PostgresIntegrationTest
class CatalogGenerationTest {

    @Autowired CatalogGeneration generation;
    @Autowired ApplicationEventPublisher events;

    @Test
    void everyChangeMovesTheGenerationOn() {
        long before = generation.current().orElseThrow();

        events.publishEvent(new CatalogChanged("test product"));
        long afterChange = generation.current().orElseThrow();
        events.publishEvent(new PriceListImported("test-import", "customers", 1));

        assertThat(afterChange).isGreaterThan(before);
        assertThat(generation.current().orElseThrow()).isGreaterThan(afterChange);
    }

    @Test
    void aPinnedReadingSeesOneGenerationThroughoutAndTheNextReadingTheNewOne() {
        long[] seen = generation.pinned(() -> {
            long first = generation.current().orElseThrow();
            events.publishEvent(new CatalogChanged("test product"));
            long nested = generation.pinned(() -> generation.current().orElseThrow());
            return new long[] {first, nested, generation.current().orElseThrow()};
        });

        assertThat(seen).containsOnly(seen[0]);
        assertThat(generation.current().orElseThrow()).isGreaterThan(seen[0]);
    }
}
