package com.kis.estimator.security;

import static com.kis.estimator.security.Permission.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The policy table: every role and the permissions it grants, in one place. Keycloak realm roles and Camunda
 * groups carry these names; {@code shared.roles} and {@code shared.permissions} mirror this table at start, and
 * docs/security.md shows it (a test keeps the document in step).
 *
 * <p>Permissions say what kind of action a role may take; which estimates it may take it on is decided per
 * object (see {@link Caller#seesEverything()} and the estimate module's visibility rules).
 */
public enum Role {

    SALES("영업", ESTIMATE_READ, ESTIMATE_CREATE, ESTIMATE_UPDATE, ESTIMATE_SUBMIT, ESTIMATE_SEND, CATALOG_READ, TEMPLATES,
            DOCUMENTS, AI_PREDICT),
    APPROVER("승인자", ESTIMATE_READ, ESTIMATE_APPROVE, CATALOG_READ, AI_PREDICT),
    MANAGER("팀장", ESTIMATE_READ, ESTIMATE_APPROVE, CATALOG_READ, AI_PREDICT),
    DIRECTOR("이사", ESTIMATE_READ, ESTIMATE_APPROVE, CATALOG_READ, AI_PREDICT),
    OPS("운영", ESTIMATE_READ, CATALOG_READ, ERP_IMPORT, DOCUMENTS, AUDIT),
    ANALYST("분석가", CATALOG_READ, AI_PREDICT, AI_MODELS),
    ADMIN("관리자", ESTIMATE_READ, CATALOG_READ, CATALOG_WRITE, TEMPLATES, ERP_IMPORT, DOCUMENTS, AI_PREDICT, AI_MODELS,
            AUDIT, Permission.ADMIN);

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Permission first, Permission... rest) {
        this.label = label;
        this.permissions = EnumSet.of(first, rest);
    }

    /** The name used in Keycloak, Camunda groups and tokens: {@code sales}, {@code approver}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Set<Permission> permissions() {
        return Set.copyOf(permissions);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
    }
}
