package com.kis.estimator.security;

/**
 * One action a caller may be allowed to take. The code is what appears in tokens' authorities, in
 * {@code shared.permissions} and in docs/security.md; it never changes once published.
 */
public enum Permission {

    ESTIMATE_READ("estimate:read"),
    ESTIMATE_CREATE("estimate:create"),
    ESTIMATE_UPDATE("estimate:update"),
    ESTIMATE_SUBMIT("estimate:submit"),
    /** Commits the company to a price: only from a login that passed a second factor (where MFA is enforced). */
    ESTIMATE_APPROVE("estimate:approve", true),
    ESTIMATE_SEND("estimate:send"),
    CATALOG_READ("catalog:read"),
    CATALOG_WRITE("catalog:write"),
    TEMPLATES("templates"),
    ERP_IMPORT("erp:import"),
    /** Customers' documents (RFQs, POs): upload, read what the OCR found, review it into a draft. */
    DOCUMENTS("documents"),
    /** Scoring an estimate's chance of being won. */
    AI_PREDICT("ai:predict"),
    /** The win models: list, train, analyse the history. */
    AI_MODELS("ai:models"),
    AUDIT("audit"),
    ADMIN("admin");

    private final String code;
    private final boolean needsMfa;

    Permission(String code) {
        this(code, false);
    }

    Permission(String code, boolean needsMfa) {
        this.code = code;
        this.needsMfa = needsMfa;
    }

    public String code() {
        return code;
    }

    public boolean needsMfa() {
        return needsMfa;
    }
}
