package com.kis.estimator.approval.process;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

/**
 * An approval rule refuses the decision: 409 (or 403, 400) through the API, and the same words in Korean and
 * English in Tasklist ({@code detailKo} beside the English {@code detail}).
 */
final class ApprovalRefused {

    static final String KOREAN = "detailKo";

    private ApprovalRefused() {
    }

    static ApiProblemException because(String korean, String english) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, english, Map.of(KOREAN, korean));
    }

    static ApiProblemException notAllowed(String korean, String english) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, english, Map.of(KOREAN, korean));
    }

    static ApiProblemException secondFactorMissing(String user) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, ProblemType.MFA_REQUIRED,
                "approving needs a login with a second factor (one-time password); " + user
                        + " signed in without one: sign out and in again",
                Map.of(KOREAN, "승인하려면 2단계 인증(OTP)으로 로그인해야 합니다. 로그아웃 후 다시 로그인하세요"));
    }

    static ApiProblemException invalidField(String field, String korean, String english) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, english,
                Map.of("errors", List.of(Map.of("field", field, "message", english)), KOREAN, korean));
    }
}
