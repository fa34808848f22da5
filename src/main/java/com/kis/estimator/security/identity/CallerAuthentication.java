package com.kis.estimator.security.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.kis.estimator.security.Caller;

/**
 * An authenticated {@link Caller} as Spring Security holds it. Its authorities are the roles
 * ({@code ROLE_sales}) and permission codes ({@code estimate:create}), so that standard expressions work
 * alongside {@link com.kis.estimator.security.RequiresPermission}.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Object credentials;

    public CallerAuthentication(Caller caller, Object credentials) {
        super(authorities(caller));
        this.caller = caller;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public String getName() {
        return caller.id();
    }

    private static Collection<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.id())));
        caller.permissions().forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission.code())));
        return authorities;
    }
}
