package com.kis.estimator.security.identity;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.workflow.DeployerCheck;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;

/**
 * Deploying models changes how estimates are routed and decided, so where approving needs a second factor
 * (production), deploying does too: the Modeler's or Cockpit's deployment comes with a login that used one.
 */
@Component
class SecondFactorToDeploy implements DeployerCheck {

    private final Callers callers;

    SecondFactorToDeploy(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void check(String userId) {
        if (callers.secondFactorEnforced() && !callers.current().map(Caller::mfa).orElse(false)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.MFA_REQUIRED,
                    "deploying models needs a login with a second factor (one-time password); " + userId
                            + " signed in without one",
                    Map.of("detailKo", "모델을 배포하려면 2단계 인증(OTP)으로 로그인해야 합니다"));
        }
    }
}
