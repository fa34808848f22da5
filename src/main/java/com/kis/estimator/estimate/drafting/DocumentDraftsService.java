package com.kis.estimator.estimate.drafting;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.estimate.DocumentDrafts;
import com.kis.estimator.estimate.model.EstimateRepository;

@Service
class DocumentDraftsService implements DocumentDrafts {

    private final EstimateDrafting drafting;
    private final EstimateRepository estimates;

    DocumentDraftsService(EstimateDrafting drafting, EstimateRepository estimates) {
        this.drafting = drafting;
        this.estimates = estimates;
    }

    @Override
    @Transactional
    public DraftCreated draftFromDocument(UUID documentId, String customerCode, List<Line> lines, String note,
            String owner, String team) {
        var earlier = estimates.findFirstBySourceDocumentId(documentId);
        if (earlier.isPresent()) {
            return new DraftCreated(earlier.get().getId(), earlier.get().getNumber());
        }
        List<Draft.Line> items = lines.stream()
                .map(line -> new Draft.Line(line.productCode(), line.quantity(), null, line.note()))
                .toList();
        PricedDraft priced = drafting.price(new Draft(customerCode, null, null, note, items, null));
        Drafted drafted = drafting.create(priced, owner, team);
        drafted.estimate().draftedFrom(documentId);
        return new DraftCreated(drafted.estimate().getId(), drafted.estimate().getNumber());
    }
}
