package com.kis.estimator.ai.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.workflow.ProcessApi;

/** "Approve model": names the task after the candidate, and on completion checks and records the decision. */
@Component("modelApprovalTask")
@ProcessApi
class ModelApprovalListener implements TaskListener {

    private final IdentityService identity;

    ModelApprovalListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName("Approve win model v" + task.getVariable("candidateVersion") + " · AUC "
                    + task.getVariable("candidateAuc") + " (active: "
                    + (task.getVariable("activeAuc") == null ? "none" : task.getVariable("activeAuc")) + ")");
            return;
        }
        Object decision = task.getVariable("modelDecision");
        if (!"ACTIVATE".equals(decision) && !"REJECT".equals(decision)) {
            throw ApiProblemException.invalidField("modelDecision",
                    "modelDecision must be ACTIVATE or REJECT, was " + decision);
        }
        Authentication authentication = identity.getCurrentAuthentication();
        task.setVariable("decidedBy", authentication != null && authentication.getUserId() != null
                ? authentication.getUserId() : task.getAssignee());
    }
}
