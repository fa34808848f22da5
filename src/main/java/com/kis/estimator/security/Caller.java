package com.kis.estimator.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An authenticated caller, however it signed in: its user id, its roles, the sales teams it belongs to and
 * whether its login passed a second factor.
 *
 * @param id    the user name ({@code preferred_username} in Keycloak, the user id in Camunda's identity)
 * @param teams team groups ({@code team-…}): sales see the estimates of their team
 * @param mfa   the login used a second factor (Keycloak's {@code amr}/{@code acr}); never true for HTTP Basic
 */
public record Caller(String id, Set<Role> roles, Set<String> teams, boolean mfa) {

    /** Team groups start with this prefix in Keycloak and in Camunda's identity. */
    public static final String TEAM_PREFIX = "team-";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teams = Set.copyOf(teams);
    }

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Set<Permission> permissions() {
        return roles.stream().flatMap(role -> role.permissions().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    /** Operations and administrators see every estimate; everyone else only those that concern them. */
    public boolean seesEverything() {
        return hasRole(Role.OPS) || hasRole(Role.ADMIN);
    }

    /**
     * The rule for one person's work (an estimate, a template, a document): operations and administrators see
     * all of it; the owner sees theirs; sales see their team's. {@code sharedWith} are the owner's teams, or the
     * sales role's own group (all of sales) for work that belongs to no team.
     */
    public boolean canSee(String owner, Collection<String> sharedWith) {
        return seesEverything() || id.equals(owner) || (hasRole(Role.SALES)
                && (sharedWith.contains(Role.SALES.id()) || sharedWith.stream().anyMatch(teams::contains)));
    }

    /** The caller's groups as Camunda names them: role names and teams (candidate groups of tasks). */
    public Set<String> groups() {
        return Stream.concat(roles.stream().map(Role::id), teams.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** Roles and teams from group or role names as an identity provider lists them; unknown names are ignored. */
    public static Caller of(String id, Iterable<String> roleNames, Iterable<String> groupNames, boolean mfa) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> teams = new java.util.HashSet<>();
        roleNames.forEach(name -> Role.byId(name).ifPresent(roles::add));
        groupNames.forEach(name -> {
            Role.byId(name).ifPresent(roles::add);
            if (name.startsWith(TEAM_PREFIX)) {
                teams.add(name);
            }
        });
        return new Caller(id, roles, teams, mfa);
    }
}
