/**
 * Administration through the API: runtime settings ({@code /api/v1/admin/settings}), changed by administrators
 * without a restart and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package com.kis.estimator.administration;
