package com.kis.estimator.security.webapp;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import com.kis.estimator.security.Caller;
import com.kis.estimator.security.Role;

/**
 * Hands the Keycloak user Spring Security signed in to Camunda's webapps. Camunda's webapps look the user and its
 * groups up in the engine's identity, so the user, its role groups and its team groups are mirrored there at
 * every new webapp session: Tasklist's candidate groups are exactly the user's Keycloak groups, and memberships
 * Keycloak no longer lists are removed. Only our roles and teams are mirrored; other Keycloak groups are ignored.
 * A webapp opening fires several requests at once, each mirroring the same user: one at a time per user here, and
 * what is already as Keycloak says is left unwritten (concurrent updates of the same user row failed Tasklist's
 * first requests with an optimistic-locking 500).
 */
public class KeycloakWebappUser implements AuthenticationProvider {

    private static final ConcurrentHashMap<String, Object> MIRRORING = new ConcurrentHashMap<>();

    @Override
    public AuthenticationResult extractAuthenticatedUser(jakarta.servlet.http.HttpServletRequest request,
            ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return AuthenticationResult.unsuccessful();
        }
        Object claim = user.getClaims().get("groups");
        List<String> names = claim instanceof Collection<?> values
                ? values.stream().map(String::valueOf).toList() : List.of();
        Caller caller = Caller.of(user.getPreferredUsername(), List.of(), names, false);
        synchronized (MIRRORING.computeIfAbsent(caller.id(), id -> new Object())) {
            try {
                mirror(engine.getIdentityService(), caller, user);
            } catch (OptimisticLockingException anotherInstance) {
                // another replica mirrored the same user at the same moment; read what it wrote and finish
                mirror(engine.getIdentityService(), caller, user);
            }
        }
        AuthenticationResult result = AuthenticationResult.successful(caller.id());
        result.setGroups(List.copyOf(caller.groups()));
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(jakarta.servlet.http.HttpServletResponse response,
            ProcessEngine engine) {
        // Spring Security's OIDC login has sent the browser to Keycloak already.
    }

    private static void mirror(IdentityService identity, Caller caller, OidcUser oidc) {
        User known = identity.createUserQuery().userId(caller.id()).singleResult();
        User user = known != null ? known : identity.newUser(caller.id());
        if (known == null || !Objects.equals(user.getFirstName(), oidc.getGivenName())
                || !Objects.equals(user.getLastName(), oidc.getFamilyName())
                || !Objects.equals(user.getEmail(), oidc.getEmail())) {
            user.setFirstName(oidc.getGivenName());
            user.setLastName(oidc.getFamilyName());
            user.setEmail(oidc.getEmail());
            identity.saveUser(user);
        }
        Set<String> wanted = caller.groups();
        Set<String> ours = Set.of(Role.values()).stream().map(Role::id).collect(Collectors.toSet());
        Set<String> current = identity.createGroupQuery().groupMember(caller.id()).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        for (String group : wanted) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group created = identity.newGroup(group);
                created.setName(group);
                created.setType(group.startsWith(Caller.TEAM_PREFIX) ? "team" : "WORKFLOW");
                identity.saveGroup(created);
            }
            if (!current.contains(group)) {
                identity.createMembership(caller.id(), group);
            }
        }
        current.stream().filter(group -> !wanted.contains(group))
                .filter(group -> ours.contains(group) || group.startsWith(Caller.TEAM_PREFIX))
                .forEach(group -> identity.deleteMembership(caller.id(), group));
    }
}
