package com.kis.estimator.approval.process;

import org.springframework.http.HttpStatus;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

/** An approval rule refuses the decision: 409 through the API, an error message in Tasklist. */
final class ApprovalRefused {

    private ApprovalRefused() {
    }

    static ApiProblemException because(String why) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, why);
    }
}
