package com.kis.estimator.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is making the current request: the authenticated principal's name, or {@code anonymous} where the API
 * is not yet behind a login (the embedded default until the security work lands).
 */
@Component
public class CurrentUser {

    public static final String ANONYMOUS = "anonymous";

    public String id() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String user = request.getRequest().getRemoteUser();
            if (user != null) {
                return user;
            }
        }
        return ANONYMOUS;
    }
}
