package com.kis.estimator.estimate.template;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;

/**
 * Object-level access to templates, by the rule of estimates: the owner, the owner's sales team, operations and
 * administrators see a template; anyone else gets 404, as for one that does not exist. Changing or deleting it is
 * for its owner (403 for the others who see it).
 */
@Component
class TemplateAccess {

    private final Callers callers;

    TemplateAccess(Callers callers) {
        this.callers = callers;
    }

    boolean canSee(EstimateTemplate template) {
        Caller caller = callers.current().orElse(null);
        return caller != null && caller.canSee(template.getOwner(),
                template.getOwnerTeam() == null ? List.of() : List.of(template.getOwnerTeam()));
    }

    EstimateTemplate requireVisible(EstimateTemplate template) {
        if (!canSee(template)) {
            throw ApiProblemException.notFound("Template", template.getId());
        }
        return template;
    }

    void requireOwner(EstimateTemplate template, String action) {
        Caller caller = callers.current().orElse(null);
        if (caller == null || !caller.id().equals(template.getOwner())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Only the owner of template "
                    + template.getId() + " (" + template.getOwner() + ") can " + action + " it");
        }
    }

    /** The team a new template is shared with: the creator's first team, as for a new estimate. */
    String teamOfCaller() {
        return callers.current().flatMap(caller -> caller.teams().stream().sorted().findFirst()).orElse(null);
    }
}
