package com.kis.estimator.approval.process;

/** Process variable names shared by the BPMN, the DMN, the forms and the Java side. */
public final class ApprovalVariables {

    public static final String ESTIMATE_ID = "estimateId";
    public static final String ESTIMATE_NUMBER = "estimateNumber";
    public static final String OWNER = "owner";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String TOTAL = "total";
    public static final String TOTAL_TEXT = "totalText";
    public static final String MAX_DISCOUNT = "maxDiscountPercent";
    public static final String MARGIN = "marginPercent";
    public static final String CUSTOMER_TIER = "customerTier";
    public static final String REVISION = "revision";
    public static final String LEVELS = "approvalLevels";
    public static final String LEVEL = "level";
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String LAST_APPROVER = "lastApprover";
    public static final String VALID_UNTIL_END = "validUntilEnd";
    public static final String OVERDUE = "overdue";
    public static final String WATERFALL = "waterfall";
    public static final String CHANGES = "changes";
    /** The released version of the routing decision that decides the levels. */
    public static final String ROUTING_VERSION = "routingVersion";

    private ApprovalVariables() {
    }
}
