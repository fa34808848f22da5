package com.kis.estimator.catalog.support;

import org.springframework.http.HttpStatus;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;

/**
 * The rules every catalog record shares for its code, the key the ERP knows it by: a new record brings an
 * unused code, and an update never changes it.
 */
public final class MasterCodes {

    private MasterCodes() {
    }

    /** @param kind "product", "customer", "price list" */
    public static void requireNew(String code, boolean taken, String kind) {
        if (code == null) {
            throw ApiProblemException.businessRule("code", "a new " + kind + " needs a code");
        }
        if (taken) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    capitalized(kind) + " " + code + " already exists");
        }
    }

    public static void requireUnchanged(String code, String requestedCode, String kind) {
        if (requestedCode != null && !requestedCode.equals(code)) {
            throw ApiProblemException.businessRule("code", "a " + kind + " code cannot be changed");
        }
    }

    private static String capitalized(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
