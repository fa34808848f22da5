package com.kis.estimator.erp.apply;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.PriceListImported;
import com.kis.estimator.erp.importing.ImportType;
import com.kis.estimator.erp.run.ImportCounts;
import com.kis.estimator.erp.run.ImportRuns;
import com.kis.estimator.erp.run.Rejections;

/**
 * Applies a validated import all or nothing: the upsert, the run's counts and the {@link PriceListImported} event
 * commit together, or, if anything fails (a crash, a constraint), none of it does and the step can run again.
 */
@Component
public class ImportApplication {

    private static final Logger log = LoggerFactory.getLogger(ImportApplication.class);

    private final Map<ImportType, CatalogUpsert> upserts;
    private final ImportRuns runs;
    private final Rejections rejections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportApplication(List<CatalogUpsert> upserts, ImportRuns runs, Rejections rejections,
            ApplicationEventPublisher events, Clock clock) {
        this.upserts = upserts.stream().collect(Collectors.toUnmodifiableMap(CatalogUpsert::type, upsert -> upsert));
        this.runs = runs;
        this.rejections = rejections;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ImportCounts apply(UUID importId, ImportType type, boolean fullSnapshot) {
        Map<String, Object> parameters = Map.of("importId", importId, "now", Timestamp.from(clock.instant()));
        ImportCounts counts = upserts.get(type).apply(parameters, fullSnapshot)
                .withRejected(rejections.rejectedRows(importId));
        runs.applied(importId, counts);
        long changed = counts.inserted() + counts.updated() + counts.deactivated();
        if (changed > 0) {
            events.publishEvent(new PriceListImported(importId.toString(), type.name().toLowerCase(), changed));
        }
        log.info("ERP import {} applied to {}: {}", importId, type.name().toLowerCase(), counts);
        return counts;
    }
}
