package com.kis.estimator.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a paged list may be sorted by ({@code ?sort=name,desc}), on its {@code Pageable} parameter.
 * Anything else is refused with 400 {@code invalid-parameter} before the query is built (PageRules): sort text
 * that reached the query could end in a 500. A Pageable without this annotation cannot be sorted by the caller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SortableBy {

    String[] value();
}
