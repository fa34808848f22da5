package com.kis.estimator.security.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.kis.estimator.security.Role;

/**
 * Camunda's own authorizations, on in every profile and derived at every start from the policy table, least
 * privilege first (docs/security.md, "Camunda's doors"):
 * <ul>
 * <li>everyone who has tasks (sales, approvers, managers, directors, ops, analysts) opens Tasklist and sees the
 * shared filters; which tasks they see and work on Camunda grants per task to the task's candidate group or
 * assignee (read and {@code TASK_WORK}, never the right to change the task);</li>
 * <li>operations open Cockpit and Admin and may do what operating the engine needs — read everything, retry
 * jobs, resolve incidents, modify and cancel instances — but not work on or reassign others' tasks, deploy, or
 * change users, groups and authorizations (that would let them decide approvals);</li>
 * <li>analysts deploy models (checked by the engine's model allowlist) and read definitions;</li>
 * <li>administrators hold everything.</li>
 * </ul>
 * The grants for our roles on whole resources ({@code *} or an application name) are made to match this table:
 * missing ones are added, different ones corrected, others removed. Camunda's per-task grants are left alone.
 */
@Component
class CamundaAuthorizations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);

    private static final List<Role> TASKLIST = List.of(Role.SALES, Role.APPROVER, Role.MANAGER, Role.DIRECTOR,
            Role.OPS, Role.ANALYST, Role.ADMIN);
    private static final Set<Permission> DECIDING = Set.of(ProcessDefinitionPermissions.TASK_WORK,
            ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE);
    private static final Set<Resource> IDENTITY = Set.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
            Resources.AUTHORIZATION, Resources.TENANT, Resources.TENANT_MEMBERSHIP);

    private record Key(Role role, Resource resource, String resourceId) {
    }

    private final AuthorizationService authorizations;

    CamundaAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** The table: who holds which permissions on which whole resource. */
    static Map<Key, Permission[]> table() {
        Map<Key, Permission[]> table = new LinkedHashMap<>();
        for (Role role : TASKLIST) {
            table.put(new Key(role, Resources.APPLICATION, "tasklist"), new Permission[] {Permissions.ACCESS});
            table.put(new Key(role, Resources.FILTER, ANY), new Permission[] {Permissions.READ});
            table.put(new Key(role, Resources.PROCESS_DEFINITION, ANY), new Permission[] {Permissions.READ});
        }
        for (Resources resource : Resources.values()) {
            table.put(new Key(Role.ADMIN, resource, ANY), new Permission[] {Permissions.ALL});
            table.put(new Key(Role.OPS, resource, ANY), operations(resource));
        }
        for (String application : List.of("cockpit", "admin")) {
            table.put(new Key(Role.OPS, Resources.APPLICATION, application), new Permission[] {Permissions.ACCESS});
        }
        table.put(new Key(Role.ANALYST, Resources.DEPLOYMENT, ANY), new Permission[] {Permissions.CREATE, Permissions.READ});
        table.put(new Key(Role.ANALYST, Resources.DECISION_DEFINITION, ANY), new Permission[] {Permissions.READ});
        table.put(new Key(Role.ANALYST, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY),
                new Permission[] {Permissions.READ});
        return table;
    }

    private static Permission[] operations(Resources resource) {
        if (resource == Resources.TASK) {
            return new Permission[] {TaskPermissions.READ, TaskPermissions.READ_VARIABLE};
        }
        if (resource == Resources.DEPLOYMENT) {
            return new Permission[] {Permissions.READ, Permissions.DELETE};
        }
        if (resource == Resources.APPLICATION) {
            return new Permission[] {};
        }
        if (IDENTITY.contains(resource)) {
            // memberships have no READ of their own: reading them is reading the user or group
            return Arrays.asList(Permissions.READ.getTypes()).contains(resource)
                    ? new Permission[] {Permissions.READ} : new Permission[] {};
        }
        if (resource == Resources.PROCESS_DEFINITION) {
            return Arrays.stream(ProcessDefinitionPermissions.values())
                    .filter(p -> p != ProcessDefinitionPermissions.NONE && p != ProcessDefinitionPermissions.ALL)
                    .filter(p -> !DECIDING.contains(p))
                    .toArray(Permission[]::new);
        }
        return new Permission[] {Permissions.ALL};
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<Key, Permission[]> table = table();
        int changed = 0;
        for (var entry : table.entrySet()) {
            changed += apply(entry.getKey(), entry.getValue());
        }
        changed += removeOthers(table);
        if (changed > 0) {
            log.info("Camunda authorizations: {} grants added, corrected or removed to match the policy table", changed);
        }
    }

    private int apply(Key key, Permission[] permissions) {
        if (permissions.length == 0) {
            return 0;
        }
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(key.role().id())
                .resourceType(key.resource()).resourceId(key.resourceId()).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing instanceof AuthorizationEntity stored && stored.getAuthorizationType() == AUTH_TYPE_GRANT
                && stored.getPermissions() == mask(permissions)) {
            return 0;
        }
        authorization.setGroupId(key.role().id());
        authorization.setResource(key.resource());
        authorization.setResourceId(key.resourceId());
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
        return 1;
    }

    /** Grants to our roles on whole resources that the table no longer holds (an earlier, wider table). */
    private int removeOthers(Map<Key, Permission[]> table) {
        List<String> removed = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Authorization authorization : authorizations.createAuthorizationQuery().groupIdIn(role.id()).list()) {
                Resource resource = ResourceTypeUtil.getResourceByType(authorization.getResourceType());
                boolean wholeResource = ANY.equals(authorization.getResourceId()) || resource == Resources.APPLICATION;
                Permission[] wanted = resource == null ? null : table.get(new Key(role, resource, authorization.getResourceId()));
                if (wholeResource && (wanted == null || wanted.length == 0)) {
                    authorizations.deleteAuthorization(authorization.getId());
                    removed.add(role.id() + " " + (resource == null ? authorization.getResourceType() : resource.resourceName())
                            + " " + authorization.getResourceId());
                }
            }
        }
        if (!removed.isEmpty()) {
            log.info("Camunda authorizations removed (not in the policy table): {}", removed);
        }
        return removed.size();
    }

    private static int mask(Permission[] permissions) {
        int mask = 0;
        for (Permission permission : permissions) {
            mask |= permission.getValue();
        }
        return mask;
    }
}
