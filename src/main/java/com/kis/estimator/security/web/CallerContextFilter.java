package com.kis.estimator.security.web;

import java.io.IOException;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import com.kis.estimator.security.Callers;
import com.kis.estimator.security.identity.KnownUsers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Once the API caller is authenticated: its user id goes into every log line of the request ({@code userId}, as
 * the design's log format asks) and into {@code shared.users} on first sight.
 */
class CallerContextFilter extends OncePerRequestFilter {

    private static final String USER_ID = "userId";

    private final Callers callers;
    private final KnownUsers users;

    CallerContextFilter(Callers callers, KnownUsers users) {
        this.callers = callers;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = callers.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        users.seen(caller.get());
        MDC.put(USER_ID, caller.get().id());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER_ID);
        }
    }
}
