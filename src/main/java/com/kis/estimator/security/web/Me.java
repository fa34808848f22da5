package com.kis.estimator.security.web;

import java.util.List;

import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.Role;

/** Who is signed in and what they may do: the web UI hides what would be refused anyway. */
record Me(String user, List<String> roles, List<String> teams, List<String> permissions, boolean mfa) {

    static Me of(Caller caller) {
        return new Me(caller.id(), caller.roles().stream().map(Role::id).sorted().toList(),
                caller.teams().stream().sorted().toList(),
                caller.permissions().stream().map(Permission::code).sorted().toList(), caller.mfa());
    }
}
