package com.kis.estimator.security.web;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web UI's way into the API (ADR 0010): the session its sign-in started ({@link SessionController}), and with
 * it a CSRF token, because a browser sends the session cookie on its own, also on a request another site makes it
 * send. The token travels as the readable {@code XSRF-TOKEN} cookie and comes back in the {@code X-XSRF-TOKEN}
 * header, which another site cannot set. Callers with an {@code Authorization} header stay stateless and
 * need no token: no browser adds that header by itself.
 */
final class BrowserSessions {

    static final String TOKEN_HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserSessions() {
    }

    static void apply(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.securityContext(context -> context.securityContextRepository(new SignedInSessions()))
                // the UI reads the cookie and sends it back as is: the token is never in a compressed body, so the
                // masking against BREACH that Spring applies by default has nothing to protect here
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserSessions::sentByABrowser))
                .addFilterAfter(new TokenForBrowsers(), CsrfFilter.class);
    }

    /**
     * A request that changes something and that a browser could have been made to send: no Authorization header,
     * and a session cookie, or a sign-in (so that no other site can sign a browser in under its own account).
     */
    static boolean sentByABrowser(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (request.getRequestedSessionId() != null || request.getRequestURI().equals(SessionController.PATH));
    }

    /**
     * The challenge of a 401: the identity source's for API clients, a session challenge for the web UI (its
     * requests carry the session cookie or {@code X-Requested-With}), so that no browser puts up its own
     * password dialog over the UI.
     */
    static String challenge(HttpServletRequest request, String forClients) {
        boolean browser = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (request.getRequestedSessionId() != null || request.getHeader("X-Requested-With") != null);
        return browser ? SessionController.CHALLENGE : forClients;
    }

    /** Reads the caller a sign-in put into the session; never creates a session or writes one. */
    private static final class SignedInSessions implements SecurityContextRepository {

        private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

        SignedInSessions() {
            sessions.setAllowSessionCreation(false);
        }

        @Override
        @Deprecated
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return sessions.loadDeferredContext(holder.getRequest()).get();
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            return sessions.loadDeferredContext(request);
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            // only SessionController's sign-in writes a session
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return sessions.containsContext(request);
        }
    }

    /**
     * Makes sure the UI's browser holds a token before its first change (the sign-in): on its calls (they say
     * {@code X-Requested-With}) and on the session's address; monitors and API clients get no cookie.
     */
    private static final class TokenForBrowsers extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean fromTheUi = request.getHeader("X-Requested-With") != null
                    || request.getRequestURI().equals(SessionController.PATH);
            if (fromTheUi && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken(); // a deferred token is generated and its cookie set only when read
            }
            chain.doFilter(request, response);
        }
    }
}
