/**
 * API conventions shared by all modules: {@link com.kis.estimator.platform.web.ApiProblemException} for
 * errors that must reach the caller as {@code application/problem+json} with a stable type.
 */
@org.springframework.modulith.NamedInterface("web")
package com.kis.estimator.platform.web;
