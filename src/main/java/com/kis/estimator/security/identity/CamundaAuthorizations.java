package com.kis.estimator.security.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.kis.estimator.security.Role;

/**
 * Camunda's own authorizations, granted to our roles at start (where {@code camunda.bpm.authorization.enabled}
 * is on, as in production): Cockpit and Admin for operations and administrators only, with full rights there;
 * Tasklist for the people who decide or revise estimates, who see the tasks of their candidate groups (Camunda
 * grants those per task) and the shared filters; analysts deploy models through {@code /engine-rest}. Existing
 * grants are kept; missing ones are added.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.authorization.enabled", havingValue = "true")
class CamundaAuthorizations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);

    private static final List<Role> FULL_RIGHTS = List.of(Role.OPS, Role.ADMIN);
    private static final List<Role> TASKLIST = List.of(Role.SALES, Role.APPROVER, Role.MANAGER, Role.DIRECTOR);

    private final AuthorizationService authorizations;

    CamundaAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int added = 0;
        for (Role role : FULL_RIGHTS) {
            for (Resources resource : Resources.values()) {
                added += grant(role, resource, ANY, Permissions.ALL);
            }
        }
        for (Role role : TASKLIST) {
            added += grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            added += grant(role, Resources.FILTER, ANY, Permissions.READ);
            added += grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        for (var entry : Map.<Resource, Permission[]>of(
                Resources.DEPLOYMENT, new Permission[] {Permissions.CREATE, Permissions.READ},
                Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ},
                Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ}).entrySet()) {
            added += grant(Role.ANALYST, entry.getKey(), ANY, entry.getValue());
        }
        if (added > 0) {
            log.info("Camunda authorizations: {} grants added for the roles of the policy table", added);
        }
    }

    private int grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(role.id()).resourceType(resource)
                .resourceId(resourceId).count() > 0) {
            return 0;
        }
        var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(role.id());
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
        return 1;
    }
}
