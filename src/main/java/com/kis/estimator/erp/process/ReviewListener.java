package com.kis.estimator.erp.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * "Review ERP import": named after its import when created; on completion the decision must be APPLY or
 * CANCEL, and who made it is kept for the run's outcome and the audit trail.
 */
@Component("erpImportReview")
@ProcessApi
class ReviewListener implements TaskListener {

    private final IdentityService identity;
    private final AuditTrail audit;

    ReviewListener(IdentityService identity, AuditTrail audit) {
        this.identity = identity;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // ops see which import waits before opening it: the list shows only names
            task.setName("ERP 가져오기 검토 · " + task.getVariable(ImportVariables.SOURCE) + " · "
                    + task.getVariable(ImportVariables.FILE_NAME) + " · 거부 " + task.getVariable(ImportVariables.REJECTED)
                    + "/" + task.getVariable(ImportVariables.TOTAL_ROWS) + "행 · " + task.getVariable(ImportVariables.IMPORT_ID));
            return;
        }
        Object decision = task.getVariable(ImportVariables.REVIEW_DECISION);
        if (!"APPLY".equals(decision) && !"CANCEL".equals(decision)) {
            throw new IllegalArgumentException("reviewDecision must be APPLY or CANCEL, was " + decision);
        }
        String reviewer = reviewer(task);
        task.setVariable("reviewedBy", reviewer);
        Object comment = task.getVariable(ImportVariables.REVIEW_COMMENT);
        audit.recordAs(reviewer, "erp.import.review", "erp-import/" + task.getVariable(ImportVariables.IMPORT_ID),
                decision.toString(), comment == null ? null : comment.toString());
    }

    private String reviewer(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
