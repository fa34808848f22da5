package com.kis.estimator.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API endpoint every authenticated caller may use (for example "who am I"), or that the security filter
 * already opens to everyone (the health check). Says so explicitly, so that a missing
 * {@link RequiresPermission} is never mistaken for this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoPermissionNeeded {

    /** Why no permission is needed; shown in docs and reviews. */
    String value();
}
