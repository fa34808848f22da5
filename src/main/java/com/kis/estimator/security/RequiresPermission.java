package com.kis.estimator.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an API endpoint needs. On a controller class it applies to every handler that does not
 * declare its own. An {@code /api} handler with neither this nor {@link NoPermissionNeeded} is refused for
 * everyone: forgetting the annotation closes an endpoint rather than opening it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    Permission value();
}
