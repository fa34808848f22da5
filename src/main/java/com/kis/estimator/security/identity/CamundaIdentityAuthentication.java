package com.kis.estimator.security.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import com.kis.estimator.security.Caller;

/**
 * HTTP Basic against Camunda's identity service: the embedded default's demo users sign in to the API with the
 * same names and passwords as to Tasklist, and their Camunda groups are their roles and teams. Camunda's login
 * throttling applies, so a wrong password locks the user for a few seconds.
 */
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || user.isBlank() || !(password instanceof String secret)
                || !identity.checkPassword(user, secret)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return new CallerAuthentication(Caller.of(user, List.of(), groups, false), null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
