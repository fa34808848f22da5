/**
 * The workflow engine's set-up: deploying {@code processes/}, Camunda's indexes and history settings, and the
 * rules every door into the engine obeys ({@code doors}). Other modules use {@link ProcessApi} to offer a bean to
 * the models and {@link EngineCalls} to mark their own engine calls.
 */
@org.springframework.modulith.NamedInterface("workflow")
package com.kis.estimator.platform.workflow;
