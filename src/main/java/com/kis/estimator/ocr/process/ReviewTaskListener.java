package com.kis.estimator.ocr.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.workflow.EngineCalls;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * "Review extracted RFQ": on create the task is named so that a sales person sees in the list which document it
 * is ({@code RFQ-2026-0412 · (주)한빛전기공사 · 12 lines}); on complete the review is checked (a refusal keeps the
 * task open, Tasklist shows why) and the reviewer recorded: the draft estimate will be theirs.
 */
@Component("rfqReviewTask")
@ProcessApi
class ReviewTaskListener implements TaskListener {

    private final ReviewVariables variables;
    private final CatalogLookup catalog;
    private final IdentityService identity;

    ReviewTaskListener(ReviewVariables variables, CatalogLookup catalog, IdentityService identity) {
        this.variables = variables;
        this.catalog = catalog;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(name(task));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            if (!EngineCalls.fromApplication()) {
                // Tasklist sends the ticks and corrections; the API sends the lines themselves
                variables.applyTasklistChoices(task);
            }
            variables.review(task).check(catalog);
            Authentication authentication = identity.getCurrentAuthentication();
            String reviewer = authentication != null && authentication.getUserId() != null
                    ? authentication.getUserId() : task.getAssignee();
            if (reviewer == null) {
                throw ApiProblemException.businessRule("reviewedBy", "a review must be made by a signed-in user");
            }
            task.setVariable(ReviewVariables.REVIEWED_BY, reviewer);
            task.setVariable(ReviewVariables.REVIEWER_TEAM, authentication == null || authentication.getGroupIds() == null
                    ? null : authentication.getGroupIds().stream().filter(g -> g.startsWith("team-")).sorted()
                            .findFirst().orElse(null));
        }
    }

    private static String name(DelegateTask task) {
        Object number = task.getVariable("documentNumber");
        Object customer = task.getVariable("customerName");
        Object lines = task.getVariable("lineCount");
        return "RFQ " + (number != null ? number : task.getVariable("fileName")) + " · "
                + (customer != null ? customer : "고객 미확인") + " · " + lines + " lines";
    }
}
