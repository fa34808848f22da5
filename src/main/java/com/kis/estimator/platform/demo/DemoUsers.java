package com.kis.estimator.platform.demo;

import static java.util.stream.Collectors.joining;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users and their groups in Camunda's identity service, so that a newcomer can sign in to
 * Tasklist, Cockpit and Admin straight after {@code ./mvnw spring-boot:run}. Idempotent: existing users and
 * memberships are left as they are.
 */
@Component
@ConditionalOnProperty(name = "kis.demo.enabled", havingValue = "true")
class DemoUsers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void afterSingletonsInstantiated() {
        DemoAccount.ROLES.forEach(role -> ensureGroup(role, role, Groups.GROUP_TYPE_WORKFLOW));
        DemoAccount.TEAMS.forEach(team -> ensureGroup(team, team, "team"));
        ensureGroup(DemoAccount.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        DemoAccount.ALL.forEach(this::ensureUser);
        log.warn("DEMO MODE: demo users (password = user name): {}", DemoAccount.ALL.stream()
                .map(account -> account.id() + " " + account.groups())
                .collect(joining(", ")));
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void ensureUser(DemoAccount account) {
        if (identity.createUserQuery().userId(account.id()).count() == 0) {
            User user = identity.newUser(account.id());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEmail(account.id() + "@demo.kis.local");
            user.setPassword(account.password());
            identity.saveUser(user);
        }
        for (String group : account.groups()) {
            if (identity.createUserQuery().userId(account.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(account.id(), group);
            }
        }
    }
}
