package com.kis.estimator.security.web;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.security.Callers;
import com.kis.estimator.security.NoPermissionNeeded;
import com.kis.estimator.security.identity.ApiAuthentication;
import com.kis.estimator.security.identity.CallerAuthentication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The web UI's sign-in and sign-out (ADR 0010): a server session behind an HttpOnly cookie, the browser holding no
 * credential. On the embedded default the UI posts the user's name and password here; in production users sign in
 * at Keycloak ({@code signInUrl}). Open to everyone: signing in is how a caller becomes someone.
 */
@RestController
@Tag(name = "security")
class SessionController {

    static final String PATH = "/api/v1/auth/session";
    /** The challenge of a refused sign-in: not Basic, or the browser would put up its own password dialog. */
    static final String CHALLENGE = "Session realm=\"kis\"";

    private final Callers callers;
    private final Optional<AuthenticationManager> passwords;
    private final SecurityDecisions decisions;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionController(Callers callers, ApiAuthentication authentication, SecurityDecisions decisions) {
        this.callers = callers;
        this.passwords = authentication.passwords();
        this.decisions = decisions;
    }

    /**
     * @param signIn    {@code password} (this endpoint's POST) or {@code keycloak} (go to {@code signInUrl})
     * @param signInUrl  where the browser goes to sign in at Keycloak; null with password sign-in
     * @param signOutUrl where the browser goes to sign out of Keycloak too (this endpoint's DELETE would end only
     *                   the application's session, and the next sign-in would ask for no password); null with
     *                   password sign-in
     */
    record SessionView(boolean signedIn, @Nullable Me user, String signIn, @Nullable String signInUrl,
            @Nullable String signOutUrl) {
    }

    record SignIn(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    @GetMapping(PATH)
    @NoPermissionNeeded("anyone may ask whether they are signed in and how to sign in")
    @Operation(summary = "Whether the caller is signed in, as whom, and how to sign in (the web UI's first call; "
            + "it also sets the XSRF-TOKEN cookie)")
    SessionView session() {
        return view();
    }

    @PostMapping(PATH)
    @NoPermissionNeeded("signing in is how a caller gets permissions")
    @Operation(summary = "Sign in with a user name and password (the embedded default's users): starts a session "
            + "(cookie); needs the X-XSRF-TOKEN header")
    @ApiResponse(responseCode = "200", description = "Signed in; the answer carries the session cookie")
    @ApiResponse(responseCode = "401", description = "Wrong user name or password")
    @ApiResponse(responseCode = "404", description = "No password sign-in here: sign in at Keycloak (`signInUrl`)")
    SessionView signIn(@Valid @RequestBody SignIn credentials, HttpServletRequest request,
            HttpServletResponse response) {
        AuthenticationManager check = passwords.orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND,
                ProblemType.NOT_FOUND, "Users sign in at Keycloak here: " + signInUrl()));
        Authentication signedIn;
        try {
            signedIn = check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(),
                    credentials.password()));
        } catch (AuthenticationException wrong) {
            decisions.denied(request, credentials.username(), "authentication", ProblemType.UNAUTHORIZED.slug());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                    "Wrong user name or password");
        }
        // a new session id at every sign-in: an id planted in the browser before cannot be taken over
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        sessions.saveContext(context, request, response);
        return new SessionView(true, Me.of(((CallerAuthentication) signedIn).getPrincipal()), "password", null, null);
    }

    @DeleteMapping(PATH)
    @NoPermissionNeeded("anyone may end their own session")
    @Operation(summary = "Sign out: ends the session (the same browser's Tasklist session too)")
    @ApiResponse(responseCode = "204", description = "Signed out, or was not signed in")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    private SessionView view() {
        String how = passwords.isPresent() ? "password" : "keycloak";
        return callers.current().map(caller -> new SessionView(true, Me.of(caller), how, signInUrl(), signOutUrl()))
                .orElseGet(() -> new SessionView(false, null, how, signInUrl(), signOutUrl()));
    }

    @Nullable
    private String signInUrl() {
        return passwords.isPresent() ? null : "/oauth2/authorization/kis-web";
    }

    @Nullable
    private String signOutUrl() {
        return passwords.isPresent() ? null : "/logout";
    }
}
