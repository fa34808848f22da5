package com.kis.estimator.security.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.NoPermissionNeeded;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Tells the web UI who is signed in and what it may do, so that it can hide what would be refused anyway. */
@RestController
@Tag(name = "security")
class MeController {

    private final Callers callers;

    MeController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/api/v1/auth/me")
    @NoPermissionNeeded("every signed-in caller may ask who it is")
    @Operation(summary = "The signed-in caller: user, roles, teams, permissions and whether the login used a second factor")
    Me me() {
        Caller caller = callers.current().orElseThrow(() -> ApiProblemException.notFound("caller", "anonymous"));
        return Me.of(caller);
    }
}
