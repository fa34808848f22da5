package com.kis.estimator.security.web;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.web.ProblemWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What Spring Security's firewall refuses before any filter chain runs (an encoded slash or {@code ..} in the
 * path, TRACE, a control character in a header) gets a problem document with its trace id like every other
 * refusal. Without this the servlet container answered an empty 400 or a detail about oversized headers. No
 * request of the Camunda webapps or of the Keycloak sign-in is refused (KeycloakSignInInChromiumTest and
 * CamundaWebappsInChromiumTest log none), so the rule holds on every path, not only under {@code /api/}.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    /** The methods the firewall lets through (its defaults); anything else is a 405, not a 400. */
    private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ProblemWriter problems;

    RejectedRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        // TRACE reaches the firewall on the container's error dispatch, which keeps the path asked for aside
        Object asked = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = asked instanceof String original ? original : request.getRequestURI();
        log.info("Request rejected: {} {} ({})", request.getMethod(), path, refused.getMessage());
        if (!SERVED.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not served");
            return;
        }
        problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemType.REQUEST_REJECTED,
                "The request was refused: its path or headers hold characters the server does not accept "
                        + "(an encoded slash, '..', ';', a backslash or a control character)");
    }
}
