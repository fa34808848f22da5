package com.kis.estimator.approval.release;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.kis.estimator.audit.AuditTrail;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.workflow.ProcessApi;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.Role;

/**
 * "Release a model version" in Tasklist: names the task, and on completion lets an administrator other than the
 * one who deployed it release the version (it serves from then on) or reject it (the version before keeps
 * serving). Four eyes, as for an estimate: who wrote the rules does not put them in force.
 */
@Component("modelReleaseTask")
@ProcessApi
class ReleaseTaskListener implements TaskListener {

    private static final String KOREAN = "detailKo";

    private final ModelReleases releases;
    private final IdentityService identity;
    private final Callers callers;
    private final AuditTrail audit;

    ReleaseTaskListener(ModelReleases releases, IdentityService identity, Callers callers, AuditTrail audit) {
        this.releases = releases;
        this.identity = identity;
        this.callers = callers;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = (String) task.getVariable(ReleaseVariables.DEFINITION_KEY);
        int version = ((Number) task.getVariable(ReleaseVariables.DEFINITION_VERSION)).intValue();
        String deployedBy = (String) task.getVariable(ReleaseVariables.DEPLOYED_BY);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName("Release " + key + " v" + version + " · deployed by " + deployedBy);
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String releaser = releaser(deployedBy);
        Object decision = task.getVariable(ReleaseVariables.DECISION);
        String comment = (String) task.getVariable(ReleaseVariables.COMMENT);
        String target = key + " v" + version;
        if ("RELEASE".equals(decision)) {
            releases.release(new ModelReleases.Release((String) task.getVariable(ReleaseVariables.DEFINITION_ID), key,
                    version), deployedBy, releaser);
            audit.recordAs(releaser, "model.release", target, "released", comment);
        } else if ("REJECT".equals(decision)) {
            audit.recordAs(releaser, "model.release", target, "rejected", comment);
        } else {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION,
                    "releaseDecision must be RELEASE or REJECT, was " + decision,
                    Map.of(KOREAN, "결정은 배포 승인(RELEASE) 또는 거절(REJECT)이어야 합니다"));
        }
    }

    private String releaser(String deployedBy) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw refused("로그인한 관리자만 모델 버전을 배포 승인할 수 있습니다",
                    "a model version is released by a signed-in administrator");
        }
        Caller caller = callers.completing(authentication.getUserId(), authentication.getGroupIds());
        if (!caller.hasRole(Role.ADMIN)) {
            throw refused(caller.id() + "님은 관리자가 아니어서 모델 버전을 배포 승인할 수 없습니다",
                    caller.id() + " is not an administrator and cannot release a model version");
        }
        if (caller.id().equals(deployedBy)) {
            throw refused(caller.id() + "님이 배포한 버전은 다른 관리자가 승인해야 합니다",
                    caller.id() + " deployed this version; another administrator releases it");
        }
        if (callers.secondFactorEnforced() && !caller.mfa()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.MFA_REQUIRED,
                    "releasing a model version needs a login with a second factor",
                    Map.of(KOREAN, "모델 버전을 배포 승인하려면 2단계 인증(OTP)으로 로그인해야 합니다"));
        }
        return caller.id();
    }

    private static ApiProblemException refused(String korean, String english) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, english, Map.of(KOREAN, korean));
    }
}
