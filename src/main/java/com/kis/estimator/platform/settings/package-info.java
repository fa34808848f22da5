/**
 * Runtime settings ({@code shared.system_configs}): modules declare a {@link com.kis.estimator.platform.settings.RuntimeSetting}
 * and read its current value from {@link com.kis.estimator.platform.settings.RuntimeSettings}; administrators change
 * values through the API without a restart.
 */
@org.springframework.modulith.NamedInterface("settings")
package com.kis.estimator.platform.settings;
