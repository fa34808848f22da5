package com.kis.estimator.estimate.template;

import org.springframework.stereotype.Component;

import com.kis.estimator.estimate.drafting.Draft;
import com.kis.estimator.platform.web.ApiProblemException;

/**
 * Turns "start from template 7" into lines: the template's items, and its discount and note unless the
 * request sets its own.
 */
@Component
public class TemplateExpansion {

    private final EstimateTemplates templates;
    private final TemplateAccess access;

    TemplateExpansion(EstimateTemplates templates, TemplateAccess access) {
        this.templates = templates;
        this.access = access;
    }

    public Draft expand(Draft draft) {
        if (draft.templateId() == null) {
            return draft;
        }
        if (draft.items() != null && !draft.items().isEmpty()) {
            throw ApiProblemException.businessRule("templateId", "give either items or a templateId, not both");
        }
        // one the caller may not see is as unknown as one that does not exist
        EstimateTemplate template = templates.findWithItems(draft.templateId()).filter(access::canSee).orElseThrow(() ->
                ApiProblemException.unknownReference("templateId", "no template " + draft.templateId()));
        var lines = template.getItems().stream()
                .map(item -> new Draft.Line(item.getProductCode(), item.getQuantity(), item.getDiscountRate(),
                        item.getNote()))
                .toList();
        return new Draft(draft.customerCode(), draft.validUntil(),
                draft.discountRate() != null ? draft.discountRate() : template.getDiscountRate(),
                draft.note() != null ? draft.note() : template.getNote(), lines, null);
    }
}
